import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api.ts';
import { useAuth } from '../../platform/auth.tsx';
import { useQuery } from '../../platform/use-query.ts';
import { CertificateStatusTag, EligibilityTag, ExpiryTag } from './certificate-tags.tsx';
import {
  CertificateStatusModal,
  ExamModal,
  IssueCertificateModal,
  ReviewModal,
  TrainingModal,
  type OfficerFormKind,
} from './officer-forms.tsx';
import type { OfficerDetail } from '../../../shared/platform/officers.ts';

/** Training hours summed per calendar year, newest first. */
export function hoursByYear(trainings: OfficerDetail['trainings']): { year: string; hours: number }[] {
  const totals = new Map<string, number>();
  for (const training of trainings) {
    const year = training.trainedOn.slice(0, 4);
    totals.set(year, (totals.get(year) ?? 0) + training.hours);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([year, hours]) => ({ year, hours }));
}

function AddButton({
  visible,
  onClick,
  children,
}: {
  visible: boolean;
  onClick: () => void;
  children: string;
}) {
  if (!visible) return null;
  return (
    <Button size="small" icon={<PlusOutlined />} onClick={onClick}>
      {children}
    </Button>
  );
}

export function OfficerDetailPage() {
  const { userId = '' } = useParams();
  const { can } = useAuth();
  const canManage = can('officers.manage');
  const { data, error, reload } = useQuery<OfficerDetail>(`/officers/${encodeURIComponent(userId)}`);
  const [form, setForm] = useState<OfficerFormKind>();

  if (error !== undefined && !data) return <Alert type="error" showIcon title={errorMessage(error)} />;
  if (!data) return <Skeleton active />;

  const certificate = data.certificate;
  const modalProps = (kind: OfficerFormKind) => ({
    userId,
    open: form === kind,
    onClose: () => setForm(undefined),
    onSaved: reload,
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Link to="/officers">← 执法人员名录</Link>
      </Space>
      <Space wrap align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {data.displayName}
        </Typography.Title>
        <Typography.Text type="secondary">{data.orgName}</Typography.Text>
        <EligibilityTag ineligibility={data.ineligibility} />
      </Space>

      <Card
        size="small"
        title="行政执法证"
        extra={
          canManage && (
            <Space wrap>
              <Button size="small" onClick={() => setForm('certificate')}>
                {certificate ? '换发执法证' : '发放执法证'}
              </Button>
              {certificate && (
                <Button size="small" onClick={() => setForm('status')}>
                  变更状态
                </Button>
              )}
            </Space>
          )
        }
      >
        {certificate ? (
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label="执法证号">{certificate.certificateNumber}</Descriptions.Item>
            <Descriptions.Item label="发证机关">{certificate.issuingBody}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <CertificateStatusTag status={certificate.status} />
            </Descriptions.Item>
            <Descriptions.Item label="有效期">
              <Space size={4} wrap>
                {certificate.validFrom} 至 {certificate.validUntil}
                <ExpiryTag expiresInDays={data.expiresInDays} />
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="执法领域">{certificate.lawAreas ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="年审">
              上次 {data.lastReviewOn ?? '无'}，下次应于 {data.reviewDueOn ?? '—'} 前
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Empty description="未持有行政执法证" />
        )}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title="年审记录"
            extra={
              <AddButton visible={canManage} onClick={() => setForm('review')}>
                录入年审
              </AddButton>
            }
          >
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={[...data.reviews].sort((a, b) => b.reviewedOn.localeCompare(a.reviewedOn))}
              columns={[
                { title: '年审日期', dataIndex: 'reviewedOn' },
                {
                  title: '结论',
                  dataIndex: 'passed',
                  render: (passed: boolean) =>
                    passed ? <Tag color="success">通过</Tag> : <Tag color="error">未通过</Tag>,
                },
                { title: '备注', dataIndex: 'note', render: (note: string | null) => note ?? '—' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title="考试成绩"
            extra={
              <AddButton visible={canManage} onClick={() => setForm('exam')}>
                录入成绩
              </AddButton>
            }
          >
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={[...data.exams].sort((a, b) => b.takenOn.localeCompare(a.takenOn))}
              columns={[
                { title: '日期', dataIndex: 'takenOn' },
                { title: '科目', dataIndex: 'subject' },
                { title: '成绩', dataIndex: 'score' },
                {
                  title: '结果',
                  dataIndex: 'passed',
                  render: (passed: boolean) =>
                    passed ? <Tag color="success">合格</Tag> : <Tag color="error">不合格</Tag>,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            size="small"
            title="培训记录"
            extra={
              <AddButton visible={canManage} onClick={() => setForm('training')}>
                录入培训
              </AddButton>
            }
          >
            <Space wrap style={{ marginBottom: 12 }}>
              <Typography.Text type="secondary">各年度学时：</Typography.Text>
              {hoursByYear(data.trainings).map(({ year, hours }) => (
                <Tag key={year} color="blue">
                  {year}年 {hours} 学时
                </Tag>
              ))}
              {data.trainings.length === 0 && <Typography.Text type="secondary">无</Typography.Text>}
            </Space>
            <Table
              rowKey="id"
              size="small"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={[...data.trainings].sort((a, b) => b.trainedOn.localeCompare(a.trainedOn))}
              columns={[
                { title: '日期', dataIndex: 'trainedOn' },
                { title: '培训内容', dataIndex: 'course' },
                { title: '学时', dataIndex: 'hours' },
              ]}
            />
          </Card>
        </Col>
      </Row>

      <IssueCertificateModal {...modalProps('certificate')} />
      <CertificateStatusModal {...modalProps('status')} />
      <ReviewModal {...modalProps('review')} />
      <TrainingModal {...modalProps('training')} />
      <ExamModal {...modalProps('exam')} />
    </Space>
  );
}
