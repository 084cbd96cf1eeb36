import { useState } from 'react';
import { App, Button, Dropdown, Space, Table, Tag, Typography, type MenuProps } from 'antd';
import { DownOutlined, FileWordOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, errorMessage, fileDownloadUrl } from '../../api.ts';
import { useAuth } from '../../platform/auth.tsx';
import { useIsPhone } from '../../platform/use-media-query.ts';
import {
  documentKindLabels,
  isNumberedDocumentKind,
  penaltyDocumentKinds,
} from '../../../shared/cases/documents.ts';
import type { CaseDetail } from '../../../shared/cases/records.ts';

type CaseDocument = CaseDetail['documents'][number];

const menuItems: MenuProps['items'] = penaltyDocumentKinds.map((kind) => ({
  key: kind,
  label: isNumberedDocumentKind(kind) ? `${documentKindLabels[kind]}（编文号）` : documentKindLabels[kind],
}));

/** 文书: the .docx generated from the case data, newest first, each with its 文号 when it carries one. */
export function CaseDocumentsTab({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { message, modal } = App.useApp();
  const { can } = useAuth();
  const isPhone = useIsPhone();
  const [generating, setGenerating] = useState<string>();

  async function generate(kind: string) {
    setGenerating(kind);
    try {
      const created = await api.post<CaseDocument>(
        `/cases/${encodeURIComponent(detail.id)}/documents/${encodeURIComponent(kind)}`,
      );
      message.success(
        created.documentNumber
          ? `已生成${created.kindLabel}，文号：${created.documentNumber}`
          : `已生成${created.kindLabel}`,
      );
      onChanged();
    } catch (caught) {
      message.error(errorMessage(caught));
    } finally {
      setGenerating(undefined);
    }
  }

  const documents = [...detail.documents].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {can('documents.generate') && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: menuItems,
              onClick: ({ key }) => {
                if (!isNumberedDocumentKind(key)) {
                  void generate(key);
                  return;
                }
                // A 文号 once taken is never reused, so a numbered document is generated only on purpose.
                modal.confirm({
                  title: `生成${documentKindLabels[key]}`,
                  content: '该文书将占用本机构本年度的下一个文号，文号一经取用不再收回。确定生成？',
                  okText: '生成',
                  onOk: () => generate(key),
                });
              },
              style: { maxHeight: 360, overflowY: 'auto' },
            }}
          >
            <Button type="primary" icon={<FileWordOutlined />} loading={generating !== undefined}>
              生成文书 <DownOutlined />
            </Button>
          </Dropdown>
        )}
        <Typography.Text type="secondary">
          文书依据案件信息生成；对外送达的文书自动编文号，按机构和年度连续编号。
        </Typography.Text>
      </Space>
      <Table<CaseDocument>
        rowKey="id"
        size="small"
        dataSource={documents}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '尚未生成文书' }}
        columns={[
          {
            title: '文书',
            dataIndex: 'kindLabel',
            render: (label: string, row) => (
              <div style={{ whiteSpace: 'normal', minWidth: 140 }}>
                <a href={fileDownloadUrl(row.fileId)} download>
                  {label}
                </a>
                {isPhone && row.documentNumber && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {row.documentNumber}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          {
            title: '文号',
            dataIndex: 'documentNumber',
            responsive: ['sm'],
            render: (value: string | null) => (value ? <Tag color="blue">{value}</Tag> : '—'),
          },
          {
            title: '生成时间',
            dataIndex: 'createdAt',
            render: (value: string) => dayjs(value).format(isPhone ? 'MM-DD HH:mm' : 'YYYY-MM-DD HH:mm'),
          },
          {
            title: '下载',
            key: 'download',
            responsive: ['md'],
            render: (_, row) => (
              <a href={fileDownloadUrl(row.fileId)} download>
                下载 .docx
              </a>
            ),
          },
        ]}
      />
    </Space>
  );
}
