import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Tabs, Typography } from 'antd';
import { errorMessage, fileDownloadUrl } from '../../api.ts';
import { ProcedureTimeline, type AllowedAction } from '../../platform/procedure-timeline.tsx';
import { useQuery } from '../../platform/use-query.ts';
import { useIsPhone } from '../../platform/use-media-query.ts';
import type { CaseDetail } from '../../../shared/cases/records.ts';
import { CaseActionModal } from './case-action-modal.tsx';
import { CaseDocumentsTab } from './case-documents-tab.tsx';
import { CaseEvidenceTab } from './case-evidence-tab.tsx';
import { CaseInfo, CaseReviews, PartyInfo } from './case-info-tabs.tsx';
import { NextDue, StateTag } from './case-list-page.tsx';
import { DiscretionTab } from '../catalogs/discretion-tab.tsx';

/** 简易程序: the 当场行政处罚决定书 handed to the party, downloadable from the top of the case. */
function OnSpotDecisionNotice({ detail }: { detail: CaseDetail }) {
  const decision = detail.documents.find((document) => document.kind === 'simplePenaltyDecision');
  if (detail.procedure !== 'simple' || !decision) return null;
  return (
    <Alert
      type="success"
      showIcon
      data-testid="on-spot-decision"
      title={`当场作出行政处罚决定${decision.documentNumber ? `，文号：${decision.documentNumber}` : ''}`}
      description="请将当场行政处罚决定书交付当事人，并在规定期限内报所属行政机关备案（行政处罚法第五十二条）。"
      action={
        <Button type="primary" size="small" href={fileDownloadUrl(decision.fileId)} download>
          下载决定书
        </Button>
      }
    />
  );
}

export function CaseDetailPage() {
  const { id = '' } = useParams();
  const isPhone = useIsPhone();
  const { data, error, reload } = useQuery<CaseDetail>(`/cases/${encodeURIComponent(id)}`);
  const [pending, setPending] = useState<AllowedAction>();
  const [timelineKey, setTimelineKey] = useState(0);
  const [tab, setTab] = useState('process');

  const refreshAll = useCallback(() => {
    reload();
    setTimelineKey((key) => key + 1);
  }, [reload]);

  if (error !== undefined && !data) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Link to="/cases">← 行政处罚案件</Link>
        <Alert
          type="error"
          showIcon
          title={errorMessage(error)}
          action={
            <Button size="small" onClick={reload}>
              重试
            </Button>
          }
        />
      </Space>
    );
  }
  if (!data) return <Skeleton active />;

  const procedureId = `penaltyCase.${data.procedure}`;
  const lead = data.officers.find((officer) => officer.isLead);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', minWidth: 0 }}>
      <Link to="/cases">← 行政处罚案件</Link>
      <Card size="small">
        <Space wrap align="center" size={[8, 4]}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {data.title}
          </Typography.Title>
          <StateTag state={data.state} label={data.stateLabel} />
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label="案号">{data.caseNumber ?? '未立案'}</Descriptions.Item>
          <Descriptions.Item label="当事人">
            {data.party.name}
            {data.party.kind === 'person'
              ? data.party.idNumber && `（${data.party.idNumber}）`
              : data.party.uscc && `（${data.party.uscc}）`}
          </Descriptions.Item>
          <Descriptions.Item label="主办人员">
            {lead?.displayName ?? data.assigneeName ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="下一期限">
            <NextDue dueDate={data.nextDueDate} overdue={data.isOverdue} />
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <OnSpotDecisionNotice detail={data} />

      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          size={isPhone ? 'small' : 'middle'}
          items={[
            {
              key: 'process',
              label: '办理过程',
              children: (
                <ProcedureTimeline
                  procedureId={procedureId}
                  recordId={data.id}
                  refreshKey={timelineKey}
                  showBlockedReasons
                  onAction={setPending}
                />
              ),
            },
            {
              key: 'documents',
              label: `文书（${data.documents.length}）`,
              children: <CaseDocumentsTab detail={data} onChanged={refreshAll} />,
            },
            {
              key: 'evidence',
              label: `证据（${data.evidence.length}）`,
              children: <CaseEvidenceTab detail={data} onChanged={reload} />,
            },
            { key: 'discretion', label: '裁量建议', children: <DiscretionTab caseId={data.id} /> },
            { key: 'party', label: '当事人信息', children: <PartyInfo party={data.party} /> },
            { key: 'info', label: '案件信息', children: <CaseInfo detail={data} /> },
            {
              key: 'reviews',
              label: `合议与审核记录（${data.reviews.length}）`,
              children: <CaseReviews reviews={data.reviews} />,
            },
          ]}
        />
      </Card>

      <CaseActionModal
        procedureId={procedureId}
        recordId={data.id}
        action={pending}
        detail={data}
        onClose={() => setPending(undefined)}
        onDone={() => {
          setPending(undefined);
          refreshAll();
        }}
      />
    </Space>
  );
}
