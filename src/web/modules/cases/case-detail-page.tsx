import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Tabs, Typography } from 'antd';
import { errorMessage } from '../../api.ts';
import { ProcedureTimeline, type AllowedAction } from '../../platform/procedure-timeline.tsx';
import { useQuery } from '../../platform/use-query.ts';
import { useIsPhone } from '../../platform/use-media-query.ts';
import { ordinaryActionInputs, simpleActionInputs } from '../../../shared/cases/procedure.ts';
import type { CaseDetail } from '../../../shared/cases/records.ts';
import type { z } from 'zod';
import { ActionModal } from './action-modal.tsx';
import { CaseDocumentsTab } from './case-documents-tab.tsx';
import { CaseEvidenceTab } from './case-evidence-tab.tsx';
import { CaseInfo, CaseReviews, PartyInfo } from './case-info-tabs.tsx';
import { NextDue, StateTag } from './case-list-page.tsx';
import { useEligibleOfficers, type OfficerOption } from './use-eligible-officers.ts';
import { DiscretionTab } from '../catalogs/discretion-tab.tsx';

function inputSchemaFor(detail: CaseDetail, action: string): z.ZodType | undefined {
  const inputs: Partial<Record<string, z.ZodType>> =
    detail.procedure === 'simple' ? simpleActionInputs : ordinaryActionInputs;
  return Object.hasOwn(inputs, action) ? inputs[action] : undefined;
}

/** What the case already says, offered as the starting values of an action's form. */
function knownValues(detail: CaseDetail, action: string): Record<string, unknown> {
  const officerIds = detail.officers.map((officer) => officer.userId);
  const known: Record<string, unknown> = { source: detail.source, officerIds, caseOfficerIds: officerIds };
  if (action === 'registerLead' && detail.facts) known.summary = detail.facts;
  if (action === 'file') known.cause = detail.title;
  return known;
}

/** The eligible officers, plus the case's own officers who are not eligible today (shown, not pickable). */
function officerChoices(
  eligible: OfficerOption[],
  detail: CaseDetail | undefined,
): (OfficerOption & { disabled?: boolean })[] {
  const known = new Set(eligible.map((option) => option.value));
  const missing = (detail?.officers ?? [])
    .filter((officer) => !known.has(officer.userId))
    .map((officer) => ({
      value: officer.userId,
      label: `${officer.displayName}（今日无有效执法证）`,
      disabled: true,
    }));
  return [...eligible, ...missing];
}

export function CaseDetailPage() {
  const { id = '' } = useParams();
  const isPhone = useIsPhone();
  const { data, error, reload } = useQuery<CaseDetail>(`/cases/${encodeURIComponent(id)}`);
  const { officerOptions } = useEligibleOfficers();
  const [pending, setPending] = useState<AllowedAction>();
  const [timelineKey, setTimelineKey] = useState(0);
  const [tab, setTab] = useState('process');

  const refreshAll = useCallback(() => {
    reload();
    setTimelineKey((key) => key + 1);
  }, [reload]);
  const choices = useMemo(() => officerChoices(officerOptions, data), [officerOptions, data]);
  const known = useMemo(() => (data && pending ? knownValues(data, pending.action) : {}), [data, pending]);

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

      <ActionModal
        procedureId={procedureId}
        recordId={data.id}
        action={pending}
        schema={pending ? inputSchemaFor(data, pending.action) : undefined}
        known={known}
        officerOptions={choices}
        onClose={() => setPending(undefined)}
        onDone={() => {
          setPending(undefined);
          refreshAll();
        }}
      />
    </Space>
  );
}
