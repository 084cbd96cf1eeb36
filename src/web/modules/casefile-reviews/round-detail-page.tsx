import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Segmented,
  Skeleton,
  Space,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { api, errorMessage } from '../../api.ts';
import { useAuth } from '../../platform/auth.tsx';
import { FormModal } from '../../platform/form-modal.tsx';
import { RecordTable } from '../../platform/record-table.tsx';
import { useAction, useQuery } from '../../platform/use-query.ts';
import { useIsPhone } from '../../platform/use-media-query.ts';
import {
  selectionLabels,
  type CandidateCase,
  type RoundDetail,
  type RoundFile,
} from '../../../shared/casefile-reviews/payloads.ts';
import { RoundStatusTag } from './rounds-page.tsx';

export const fileLink = (id: string) => `/casefile-reviews/files/${encodeURIComponent(id)}`;
type AddResult = { added: string[]; eligible: number };

export function ScoreTag({ file }: { file: Pick<RoundFile, 'totalScore' | 'isExcellent'> }) {
  if (file.totalScore === null) return <Typography.Text type="secondary">未评分</Typography.Text>;
  return (
    <Space size={4}>
      <Typography.Text strong>{file.totalScore}分</Typography.Text>
      {file.isExcellent && <Tag color="gold">优秀</Tag>}
    </Space>
  );
}

/** The files' columns; `onRemove` (open rounds, for those who manage them) adds 移出 on unscored files. */
function fileColumns(isPhone: boolean, onRemove?: (file: RoundFile) => void): TableColumnsType<RoundFile> {
  const removeColumn: TableColumnsType<RoundFile> = onRemove
    ? [
        {
          title: '操作',
          key: 'remove',
          render: (_, row) =>
            row.scoredOn === null && (
              <Popconfirm
                title="将此案卷移出本轮评查？"
                okText="移出"
                cancelText="取消"
                onConfirm={() => onRemove(row)}
              >
                <Button type="link" size="small" danger style={{ paddingInline: 0 }}>
                  移出
                </Button>
              </Popconfirm>
            ),
        },
      ]
    : [];
  return [
    {
      title: '案件',
      dataIndex: 'caseTitle',
      render: (_, row) => (
        <div style={{ minWidth: isPhone ? 150 : 200, maxWidth: isPhone ? 190 : 300, whiteSpace: 'normal' }}>
          <Link to={fileLink(row.id)}>{row.caseTitle}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.caseNumber ?? '无案号'}
              {isPhone && ` · ${row.caseOrgName}`}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: '办案机构', dataIndex: 'caseOrgName', responsive: ['md'] },
    { title: '结案日期', dataIndex: 'closedOn', responsive: ['lg'] },
    {
      title: '选取方式',
      dataIndex: 'selection',
      responsive: ['xl'],
      render: (value: RoundFile['selection'], row) =>
        row.sampleSeed ? `${selectionLabels[value]}（种子 ${row.sampleSeed}）` : selectionLabels[value],
    },
    { title: '得分', dataIndex: 'totalScore', render: (_, row) => <ScoreTag file={row} /> },
    {
      title: '评查人',
      dataIndex: 'reviewerName',
      responsive: ['md'],
      render: (value: string | null, row) => (value ? `${value}（${row.scoredOn}）` : '—'),
    },
    ...removeColumn,
  ];
}

const candidateColumns: TableColumnsType<CandidateCase> = [
  {
    title: '案件',
    dataIndex: 'title',
    render: (_, row) => (
      <div style={{ minWidth: 150, maxWidth: 260, whiteSpace: 'normal' }}>
        {row.title}
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.caseNumber ?? '无案号'} · {row.orgName}
          </Typography.Text>
        </div>
      </div>
    ),
  },
  { title: '结案日期', dataIndex: 'closedOn', responsive: ['sm'] },
  { title: '状态', dataIndex: 'stateLabel', responsive: ['md'] },
];

/** 指定案卷: pick closed files of the round's subtree and period, page by page. */
function PickFilesModal({
  round,
  open,
  onClose,
  onAdded,
}: {
  round: RoundDetail;
  open: boolean;
  onClose: () => void;
  onAdded: () => void;
}) {
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [add, adding] = useAction(
    async () => {
      const result = await api.post<AddResult>(`/casefile-reviews/rounds/${round.id}/files`, {
        caseIds: selected,
      });
      message.success(`已加入${result.added.length}件案卷`);
      setSelected([]);
      onClose();
      onAdded();
    },
    (error) => message.error(errorMessage(error)),
  );
  return (
    <Modal
      title="指定案卷"
      open={open}
      onCancel={onClose}
      onOk={() => void add()}
      okText={`加入${selected.length ? `（${selected.length}）` : ''}`}
      okButtonProps={{ disabled: selected.length === 0, loading: adding }}
      width={720}
      destroyOnHidden
    >
      <Input.Search
        allowClear
        placeholder="案号或案件名称"
        onSearch={(value) => setQ(value.trim())}
        style={{ marginBottom: 12 }}
        aria-label="查找案件"
      />
      <RecordTable<CandidateCase>
        path={`/casefile-reviews/rounds/${round.id}/candidates`}
        query={{ q }}
        columns={candidateColumns}
        rowKey="id"
        defaultPageSize={10}
        emptyText="没有可加入的已结案案卷"
        rowSelection={{
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setSelected(keys.map(String)),
        }}
      />
    </Modal>
  );
}

/** 随机抽取: a published seed makes the draw repeatable by anyone. */
function SampleModal({
  round,
  open,
  onClose,
  onAdded,
}: {
  round: RoundDetail;
  open: boolean;
  onClose: () => void;
  onAdded: () => void;
}) {
  return (
    <FormModal<{ size: number; seed: string }>
      title="随机抽取案卷"
      open={open}
      onClose={onClose}
      okText="抽取"
      successText="已抽取案卷"
      initialValues={{ size: 10, seed: `${round.year}-${Date.now().toString(36)}` }}
      onSubmit={(values) => api.post<AddResult>(`/casefile-reviews/rounds/${round.id}/sample`, values)}
      onSaved={onAdded}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="在尚未加入本轮的已结案案卷中按随机种子抽取；公开种子后，任何人用同一种子可复现抽取结果。"
      />
      <Form.Item name="size" label="抽取数量" rules={[{ required: true, message: '请填写抽取数量' }]}>
        <InputNumber min={1} max={500} precision={0} suffix="件" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="seed" label="随机种子" rules={[{ required: true, message: '请填写随机种子' }]}>
        <Input maxLength={64} />
      </Form.Item>
    </FormModal>
  );
}

export function RoundDetailPage() {
  const { id = '' } = useParams();
  const isPhone = useIsPhone();
  const { can } = useAuth();
  const { message } = App.useApp();
  const {
    data: round,
    error,
    reload,
  } = useQuery<RoundDetail>(`/casefile-reviews/rounds/${encodeURIComponent(id)}`);
  const [picking, setPicking] = useState(false);
  const [sampling, setSampling] = useState(false);
  const [scored, setScored] = useState<'all' | 'yes' | 'no'>('all');
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = () => {
    reload();
    setRefreshKey((key) => key + 1);
  };
  const [close, closing] = useAction(
    async () => {
      await api.post(`/casefile-reviews/rounds/${encodeURIComponent(id)}/close`);
      message.success('本轮评查已结束');
      reload();
    },
    (caught) => message.error(errorMessage(caught)),
  );

  const [removeFile] = useAction(
    async (file: RoundFile) => {
      await api.post(`/casefile-reviews/files/${encodeURIComponent(file.id)}/remove`);
      message.success('已移出本轮评查');
      refresh();
    },
    (caught) => message.error(errorMessage(caught)),
  );

  if (!round) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Link to="/casefile-reviews">← 案卷评查</Link>
        {error !== undefined ? (
          <Alert type="error" showIcon title={errorMessage(error)} />
        ) : (
          <Skeleton active />
        )}
      </Space>
    );
  }
  const canManage = round.status === 'open' && can('casefileReviews.manage');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/casefile-reviews">← 案卷评查</Link>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {round.name}
          </Typography.Title>
          <RoundStatusTag status={round.status} />
        </Space>
        {canManage && (
          <Space wrap>
            <Button onClick={() => setPicking(true)}>指定案卷</Button>
            <Button onClick={() => setSampling(true)}>随机抽取</Button>
            <Popconfirm
              title="结束本轮评查？"
              description="结束后案卷与评分不能再修改。"
              okText="结束"
              cancelText="取消"
              onConfirm={() => close()}
            >
              <Button danger loading={closing}>
                结束评查
              </Button>
            </Popconfirm>
          </Space>
        )}
      </Flex>
      <Card size="small">
        <Descriptions size="small" column={isPhone ? 1 : 3}>
          <Descriptions.Item label="组织机构">{round.orgName}</Descriptions.Item>
          <Descriptions.Item label="年度">{round.year}</Descriptions.Item>
          <Descriptions.Item label="结案期间">
            {round.periodFrom} 至 {round.periodTo}
          </Descriptions.Item>
          <Descriptions.Item label="优秀分数线">{round.excellenceThreshold}分</Descriptions.Item>
          <Descriptions.Item label="评查标准">
            {round.rubric.length}项，共{round.totalPoints}分
            {round.rubricVersion === 0 ? '（默认标准）' : `（第${round.rubricVersion}版）`}
          </Descriptions.Item>
          <Descriptions.Item label="进度">
            共{round.fileCount}件，已评{round.scoredCount}件，优秀{round.excellentCount}件
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="评查案卷">
        <Segmented
          value={scored}
          onChange={(value) => setScored(value as typeof scored)}
          options={[
            { value: 'all', label: '全部' },
            { value: 'no', label: '未评分' },
            { value: 'yes', label: '已评分' },
          ]}
          style={{ marginBottom: 12 }}
        />
        <RecordTable<RoundFile>
          path={`/casefile-reviews/rounds/${round.id}/files`}
          query={{ scored: scored === 'all' ? undefined : scored }}
          columns={fileColumns(isPhone, canManage ? (file) => void removeFile(file) : undefined)}
          rowKey="id"
          refreshKey={refreshKey}
          emptyText={canManage ? '尚未加入案卷：请指定案卷或随机抽取' : '本轮没有案卷'}
        />
      </Card>
      {canManage && (
        <>
          <PickFilesModal round={round} open={picking} onClose={() => setPicking(false)} onAdded={refresh} />
          <SampleModal round={round} open={sampling} onClose={() => setSampling(false)} onAdded={refresh} />
        </>
      )}
    </Space>
  );
}
