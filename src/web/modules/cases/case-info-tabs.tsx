import type { ReactNode } from 'react';
import { Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import { creditLevelLabels, riskLevelLabels } from '../../../shared/entities/payloads.ts';
import { partyKindLabels } from '../../../shared/cases/parties.ts';
import { caseSourceLabels, type CaseDetail } from '../../../shared/cases/records.ts';
import { formatYuan } from './case-labels.ts';

const dash = (value: string | null | undefined): ReactNode => value || '—';

function Flag({ on, yes, no }: { on: boolean; yes: string; no: string }) {
  return on ? <Tag color="red">{yes}</Tag> : <Tag>{no}</Tag>;
}

/** 当事人信息: the internal view, so identity numbers are shown in full (公示 masks them, not this page). */
export function PartyInfo({ party }: { party: CaseDetail['party'] }) {
  const person = party.kind === 'person';
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label="当事人类型">{partyKindLabels[party.kind]}</Descriptions.Item>
      <Descriptions.Item label={person ? '姓名' : '名称'}>{party.name}</Descriptions.Item>
      {person ? (
        <Descriptions.Item label="证件号码">{dash(party.idNumber)}</Descriptions.Item>
      ) : (
        <>
          <Descriptions.Item label="统一社会信用代码">{dash(party.uscc)}</Descriptions.Item>
          <Descriptions.Item label="法定代表人（负责人）">
            {dash(party.legalRepresentative)}
          </Descriptions.Item>
          <Descriptions.Item label="检查对象名录库" span={{ xs: 1, md: 2 }}>
            {party.entity ? (
              <Space wrap size={[8, 4]}>
                <Link to={`/entities/${encodeURIComponent(party.entity.id)}`}>{party.entity.name}</Link>
                <Tag>{party.entity.category}</Tag>
                <Tag>{party.entity.riskLevel ? riskLevelLabels[party.entity.riskLevel] : '风险未评定'}</Tag>
                <Tag>
                  {party.entity.creditLevel
                    ? `信用${creditLevelLabels[party.entity.creditLevel]}`
                    : '信用未评定'}
                </Tag>
              </Space>
            ) : (
              '未关联（本机构及下级的名录中无此统一社会信用代码）'
            )}
          </Descriptions.Item>
        </>
      )}
      <Descriptions.Item label="联系电话">{dash(party.phone)}</Descriptions.Item>
      <Descriptions.Item label={person ? '住址' : '地址'}>{dash(party.address)}</Descriptions.Item>
    </Descriptions>
  );
}

/** 案件信息: source, dates, amounts, the three flags that decide the mandatory steps, and the officers. */
export function CaseInfo({ detail }: { detail: CaseDetail }) {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap size={[8, 8]}>
        <Flag on={detail.isMajor} yes="重大执法决定（须法制审核）" no="非重大执法决定" />
        <Flag on={detail.hearingOffered} yes="属于听证范围" no="不属于听证范围" />
        <Flag on={detail.requiresCollectiveDeliberation} yes="须经集体讨论" no="无须集体讨论" />
      </Space>
      {detail.majorReasons.length > 0 && (
        <Typography.Text type="secondary">重大执法决定情形：{detail.majorReasons.join('；')}</Typography.Text>
      )}
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="案件名称" span={{ xs: 1, md: 2 }}>
          {detail.title}
        </Descriptions.Item>
        <Descriptions.Item label="案号">{dash(detail.caseNumber)}</Descriptions.Item>
        <Descriptions.Item label="程序">
          {detail.procedure === 'simple' ? '简易程序' : '普通程序'}
        </Descriptions.Item>
        <Descriptions.Item label="线索来源">{caseSourceLabels[detail.source]}</Descriptions.Item>
        <Descriptions.Item label="来源编号">{dash(detail.sourceReference)}</Descriptions.Item>
        <Descriptions.Item label="违法行为发生日期">{dash(detail.occurredOn)}</Descriptions.Item>
        <Descriptions.Item label="登记时间">
          {dayjs(detail.createdAt).format('YYYY-MM-DD HH:mm')}
        </Descriptions.Item>
        <Descriptions.Item label="立案日期">{dash(detail.filedOn)}</Descriptions.Item>
        <Descriptions.Item label="决定日期">{dash(detail.decidedOn)}</Descriptions.Item>
        <Descriptions.Item label="处罚决定书文号">{dash(detail.decisionNumber)}</Descriptions.Item>
        <Descriptions.Item label="结案日期">{dash(detail.closedOn)}</Descriptions.Item>
        <Descriptions.Item label="合议拟处罚" span={{ xs: 1, md: 2 }}>
          {dash(detail.proposalText)}
        </Descriptions.Item>
        <Descriptions.Item label="罚款">{formatYuan(detail.fineYuan)}</Descriptions.Item>
        <Descriptions.Item label="缴纳期限">{dash(detail.paymentDueDate)}</Descriptions.Item>
        <Descriptions.Item label={detail.lateFeeIsAccruing ? '加处罚款（计至今日）' : '加处罚款'}>
          {detail.lateFeeIsAccruing ? (
            <Typography.Text type="danger">{formatYuan(detail.lateFeeYuan)}</Typography.Text>
          ) : (
            formatYuan(detail.lateFeeYuan)
          )}
        </Descriptions.Item>
        <Descriptions.Item label="实际缴纳">
          {detail.paidOn ? `${formatYuan(detail.paidYuan)}（${detail.paidOn}）` : '未缴纳'}
        </Descriptions.Item>
        <Descriptions.Item label="没收违法所得、非法财物">
          {formatYuan(detail.confiscationYuan)}
        </Descriptions.Item>
        <Descriptions.Item label="办案机构">{detail.orgName}</Descriptions.Item>
        <Descriptions.Item label="执法人员">
          <Space wrap size={[4, 4]}>
            {detail.officers.map((officer) => (
              <Tag key={officer.userId} color={officer.isLead ? 'blue' : undefined}>
                {officer.displayName}
                {officer.isLead ? '（主办）' : ''}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="违法事实" span={{ xs: 1, md: 2 }}>
          <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
            {detail.facts || '尚未填写'}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
    </Space>
  );
}

/** 案件合议、听证、法制审核、集体讨论: the records the steps wrote, oldest first; the 文书 are made from them. */
export function CaseReviews({ reviews }: { reviews: CaseDetail['reviews'] }) {
  if (reviews.length === 0) return <Empty description="尚无合议、听证、审核或集体讨论记录" />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {reviews.map((review) => (
        <Card key={review.id} size="small" title={`${review.kindLabel}（${review.heldOn}）`}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="参加人员">{review.participants.join('、')}</Descriptions.Item>
            <Descriptions.Item label="意见">
              <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                {review.opinion}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label="结论">{review.conclusion}</Descriptions.Item>
          </Descriptions>
        </Card>
      ))}
    </Space>
  );
}
