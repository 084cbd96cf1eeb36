import { useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Flex, List, Modal, Progress, Typography, Upload } from 'antd';
import { DownloadOutlined, RedoOutlined, UploadOutlined } from '@ant-design/icons';
import { api, apiUrl, errorMessage, type Page } from '../../api.ts';
import { useAction, useQuery } from '../../platform/use-query.ts';
import { importJobStatusLabels, type EntityImportJob } from '../../../shared/entities/payloads.ts';
import { entityImportHeaders } from '../../../shared/entities/import-row.ts';

const templateColumns = Object.values(entityImportHeaders)
  .map((names) => names[0])
  .join('，');
const pollMs = 1000;

export type EntityImportModalProps = {
  open: boolean;
  onClose: () => void;
  /** Called once an import has reached the directory. */
  onImported: () => void;
};

/** 批量导入: upload a CSV or .xlsx, then follow the server's job (progress bar, counts, rejected rows to download). */
export function EntityImportModal({ open, onClose, onImported }: EntityImportModalProps) {
  const [job, setJob] = useState<EntityImportJob>();
  const [failure, setFailure] = useState<string>();
  const running = job !== undefined && (job.status === 'reading' || job.status === 'applying');

  const recent = useQuery<Page<EntityImportJob>>(open ? '/entities/imports' : null, { pageSize: 5 });
  const reloadRecent = recent.reload;
  const [start, starting] = useAction(
    async (source: File | { fileId: string }) => {
      setFailure(undefined);
      setJob(undefined);
      // A failed import is resumed from its stored file: nothing to upload again.
      const fileId = source instanceof File ? (await api.upload(source)).id : source.fileId;
      setJob(await api.post<EntityImportJob>('/entities/imports', { fileId }));
    },
    (error) => setFailure(errorMessage(error)),
  );

  // Poll while the job runs; the job row on the server is the only source of progress.
  const jobId = job?.id;
  useEffect(() => {
    if (!jobId || !running) return;
    const timer = setInterval(() => {
      api
        .get<EntityImportJob>(`/entities/imports/${jobId}`)
        .then((next) => {
          setJob(next);
          if (next.status === 'succeeded') onImported();
          if (next.status === 'succeeded' || next.status === 'failed') reloadRecent();
        })
        .catch((error: unknown) => setFailure(errorMessage(error)));
    }, pollMs);
    return () => clearInterval(timer);
  }, [jobId, running, onImported, reloadRecent]);

  function close() {
    setJob(undefined);
    setFailure(undefined);
    onClose();
  }

  return (
    <Modal
      open={open}
      title="批量导入检查对象"
      onCancel={close}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={close}>
          {running ? '后台继续导入，关闭窗口' : '关闭'}
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          支持 CSV（UTF-8）和 Excel（.xlsx，读取第一个工作表），首行为列名：{templateColumns}。
          按统一社会信用代码更新已有对象；有误的行不导入，可下载原因。导入中断时名录保持不变，可重新导入。
        </Typography.Text>
        <Upload
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          disabled={starting || running}
          beforeUpload={(file) => {
            void start(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={starting} disabled={running} type="primary">
            选择文件并导入
          </Button>
        </Upload>
        {failure && <Alert type="error" showIcon title="导入未能开始或已中断" description={failure} />}
        {job && (
          <>
            <Typography.Text strong>{job.fileName}</Typography.Text>
            <Progress
              percent={job.percent}
              status={
                job.status === 'failed' ? 'exception' : job.status === 'succeeded' ? 'success' : 'active'
              }
              aria-label="导入进度"
            />
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
              <Descriptions.Item label="状态">{importJobStatusLabels[job.status]}</Descriptions.Item>
              <Descriptions.Item label="已读取">{job.rowsRead} 行</Descriptions.Item>
              <Descriptions.Item label="有效">{job.rowsAccepted} 行</Descriptions.Item>
              <Descriptions.Item label="未导入">{job.rowsRejected} 行</Descriptions.Item>
              {job.status === 'succeeded' && (
                <>
                  <Descriptions.Item label="新增">{job.rowsInserted} 个</Descriptions.Item>
                  <Descriptions.Item label="更新">{job.rowsUpdated} 个</Descriptions.Item>
                </>
              )}
            </Descriptions>
            {job.status === 'failed' && <Alert type="error" showIcon title={job.error ?? '导入失败'} />}
            {job.rowsRejected > 0 && !running && (
              <Button icon={<DownloadOutlined />} href={apiUrl(`/entities/imports/${job.id}/rejections`)}>
                下载未导入行及原因（CSV）
              </Button>
            )}
          </>
        )}
        {(recent.data?.items.length ?? 0) > 0 && (
          <List<EntityImportJob>
            size="small"
            header="最近的导入"
            dataSource={recent.data?.items ?? []}
            renderItem={(item) => (
              <List.Item
                actions={[
                  item.rowsRejected > 0 && item.status !== 'reading' && item.status !== 'applying' && (
                    <a key="report" href={apiUrl(`/entities/imports/${item.id}/rejections`)}>
                      未导入行
                    </a>
                  ),
                  item.status === 'failed' && (
                    <Button
                      key="retry"
                      size="small"
                      icon={<RedoOutlined />}
                      disabled={running || starting}
                      onClick={() => void start({ fileId: item.fileId })}
                    >
                      重新导入
                    </Button>
                  ),
                ].filter(Boolean)}
              >
                <List.Item.Meta
                  title={item.fileName}
                  description={`${new Date(item.startedAt).toLocaleString('zh-CN')} · ${importJobStatusLabels[item.status]} · 新增 ${item.rowsInserted}，更新 ${item.rowsUpdated}，未导入 ${item.rowsRejected}`}
                />
              </List.Item>
            )}
          />
        )}
      </Flex>
    </Modal>
  );
}
