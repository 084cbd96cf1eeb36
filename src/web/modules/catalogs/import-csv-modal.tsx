import { useState } from 'react';
import { Alert, Button, Flex, Input, Modal, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { api, errorMessage } from '../../api.ts';
import { useAction } from '../../platform/use-query.ts';
import type { ImportResult } from '../../../shared/cases/catalogs.ts';

type Result = z.infer<typeof ImportResult>;
type LineError = Result['errors'][number];

export type ImportCsvModalProps = {
  open: boolean;
  /** Dialog title, e.g. 导入裁量基准. */
  title: string;
  /** POST endpoint relative to /api that takes `{ csv }` or `{ xlsxBase64 }`. */
  path: string;
  /** The expected columns, shown as a hint. */
  columnsHint: string;
  onClose: () => void;
  /** Called after an import that stored at least one row. */
  onImported: () => void;
};

const errorColumns = [
  { title: '行号', dataIndex: 'line', width: 72 },
  { title: '字段', dataIndex: 'field', width: 140 },
  { title: '问题', dataIndex: 'message' },
];

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** 导入 CSV or .xlsx: pick a file or paste CSV text; shows how many rows were stored and each rejected line. */
export function ImportCsvModal({ open, title, path, columnsHint, onClose, onImported }: ImportCsvModalProps) {
  const [csv, setCsv] = useState('');
  // An Excel workbook is sent as it is (base64); the server reads its first sheet with the same columns.
  const [xlsxBase64, setXlsxBase64] = useState<string>();
  const [fileName, setFileName] = useState<string>();
  const [result, setResult] = useState<Result>();
  const [failure, setFailure] = useState<string>();
  const [submit, submitting] = useAction(
    async () => {
      setFailure(undefined);
      setResult(undefined);
      const answer = await api.post<Result>(path, xlsxBase64 ? { xlsxBase64 } : { csv });
      setResult(answer);
      if (answer.imported > 0) onImported();
    },
    (error) => setFailure(errorMessage(error)),
  );

  function close() {
    setCsv('');
    setXlsxBase64(undefined);
    setFileName(undefined);
    setResult(undefined);
    setFailure(undefined);
    onClose();
  }

  async function readFile(file: File) {
    try {
      if (/\.xlsx$/i.test(file.name)) {
        setXlsxBase64(await toBase64(file));
        setCsv('');
      } else {
        // Blob.text() always decodes as UTF-8; a leading BOM is dropped.
        setCsv((await file.text()).replace(/^\uFEFF/, ''));
        setXlsxBase64(undefined);
      }
      setFileName(file.name);
      setResult(undefined);
      setFailure(undefined);
    } catch {
      setFailure('无法读取该文件，请确认是 UTF-8 编码的 CSV 文件或 .xlsx 文件');
    }
  }

  return (
    <Modal
      open={open}
      title={title}
      width={760}
      onCancel={close}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={close}>
          {result ? '关闭' : '取消'}
        </Button>,
        <Button
          key="import"
          type="primary"
          loading={submitting}
          disabled={!xlsxBase64 && csv.trim().length < 10}
          onClick={() => void submit()}
        >
          导入
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          CSV（UTF-8 编码）或 Excel（.xlsx，读取第一个工作表），首行为列名：{columnsHint}
          。同一来源的条目再次导入时会被更新。
        </Typography.Text>
        <Flex gap={8} align="center" wrap>
          <Upload
            accept=".csv,text/csv,.xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              void readFile(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>选择 CSV 或 Excel 文件</Button>
          </Upload>
          {fileName && <Typography.Text>{fileName}</Typography.Text>}
        </Flex>
        <Input.TextArea
          aria-label="CSV 内容"
          placeholder="或在此粘贴 CSV 内容"
          value={csv}
          onChange={(event) => {
            setCsv(event.target.value);
            setXlsxBase64(undefined);
            setFileName(undefined);
          }}
          disabled={xlsxBase64 !== undefined}
          autoSize={{ minRows: 6, maxRows: 12 }}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
        />
        {failure && <Alert type="error" showIcon title="导入失败，未导入任何条目" description={failure} />}
        {result && (
          <Alert
            type={result.errors.length === 0 ? 'success' : result.imported > 0 ? 'warning' : 'error'}
            showIcon
            title={`成功导入 ${result.imported} 条${
              result.errors.length > 0 ? `，${result.errors.length} 处错误未导入` : ''
            }`}
          />
        )}
        {result && result.errors.length > 0 && (
          <Table<LineError>
            size="small"
            rowKey={(row) => `${row.line}-${row.field}-${row.message}`}
            columns={errorColumns}
            dataSource={result.errors}
            pagination={result.errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
          />
        )}
      </Flex>
    </Modal>
  );
}
