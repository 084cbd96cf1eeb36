import { Card, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { ProcedureTimeline } from './procedure-timeline.tsx';

/** Generic record view for procedures whose module has no detail page of its own yet. */
export function ProcedureRecordPage() {
  const { procedureId = '', recordId = '' } = useParams();
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          办理进程
        </Typography.Title>
      }
    >
      <ProcedureTimeline procedureId={procedureId} recordId={recordId} />
    </Card>
  );
}
