import { Alert, Card, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../api.ts';
import { useAuth } from '../../platform/auth.tsx';
import { useQuery } from '../../platform/use-query.ts';
import type { Entity } from '../../../shared/entities/payloads.ts';
import { EntityCases, EntityDetails } from './entity-details.tsx';

/** 检查对象 page: the registered facts and the penalty cases of the unit (a case's party links here). */
export function EntityDetailPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const { data, error, loading } = useQuery<Entity>(`/entities/${encodeURIComponent(id)}`);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/entities">← 检查对象名录库</Link>
      {error !== undefined && <Alert type="error" showIcon title={errorMessage(error)} />}
      {loading && !data && <Skeleton active />}
      {data && (
        <>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {data.name}
          </Typography.Title>
          <EntityDetails entity={data} />
          {can('procedures.act') && (
            <Card size="small" title="行政处罚案件">
              <EntityCases entityId={data.id} />
            </Card>
          )}
        </>
      )}
    </Space>
  );
}
