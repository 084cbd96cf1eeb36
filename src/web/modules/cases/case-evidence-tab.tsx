import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Select,
  Table,
  Typography,
  Upload,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { UploadFile } from 'antd';
import { ApiRequestError, apiUrl, fileDownloadUrl } from '../../api.ts';
import { showServerErrors } from '../../platform/form-errors.ts';
import { useAuth } from '../../platform/auth.tsx';
import { useIsPhone } from '../../platform/use-media-query.ts';
import type { CaseDetail } from '../../../shared/cases/records.ts';
import type { ApiError } from '../../../shared/platform/errors.ts';
import { evidenceKindLabel, evidenceKindLabels, evidenceKinds, type EvidenceKind } from './case-labels.ts';

type CaseEvidence = CaseDetail['evidence'][number];
type Values = { kind: EvidenceKind; description: string; collectedOn: Dayjs; file: UploadFile[] };

/**
 * POST /api/cases/:id/evidence as multipart: the text fields first, then the file, so the server knows
 * what it stores before the bytes arrive. The JSON client has no multipart call with fields, hence fetch.
 */
export async function uploadEvidence(
  caseId: string,
  fields: { kind: EvidenceKind; description: string; collectedOn: string },
  file: Blob,
  fileName: string,
): Promise<CaseEvidence> {
  const body = new FormData();
  body.append('kind', fields.kind);
  body.append('description', fields.description);
  body.append('collectedOn', fields.collectedOn);
  body.append('file', file, fileName);
  let response: Response;
  try {
    response = await fetch(apiUrl(`/cases/${encodeURIComponent(caseId)}/evidence`), {
      method: 'POST',
      credentials: 'same-origin',
      body,
    });
  } catch {
    throw new ApiRequestError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  const text = await response.text();
  if (!response.ok) {
    let parsed: Partial<ApiError> | undefined;
    try {
      parsed = JSON.parse(text) as Partial<ApiError>;
    } catch {
      parsed = undefined;
    }
    if (response.status === 401)
      window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname)}`);
    const fallback = response.status === 413 ? '文件过大，无法上传' : `上传失败（HTTP ${response.status}）`;
    throw new ApiRequestError(
      response.status,
      parsed?.error?.code ?? 'UNKNOWN',
      parsed?.error?.message ?? fallback,
      parsed?.error?.fields ?? [],
    );
  }
  return JSON.parse(text) as CaseEvidence;
}

function EvidenceUploadForm({ caseId, onUploaded }: { caseId: string; onUploaded: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [uploading, setUploading] = useState(false);

  async function finish(values: Values) {
    const chosen = values.file[0]?.originFileObj;
    if (!chosen) return;
    setUploading(true);
    try {
      const stored = await uploadEvidence(
        caseId,
        {
          kind: values.kind,
          description: values.description.trim(),
          collectedOn: values.collectedOn.format('YYYY-MM-DD'),
        },
        chosen,
        chosen.name,
      );
      message.success(`证据已上传，SHA-256：${stored.sha256.slice(0, 16)}…`);
      form.resetFields();
      onUploaded();
    } catch (caught) {
      message.error(showServerErrors(form, caught));
    } finally {
      setUploading(false);
    }
  }

  return (
    <Card size="small" title="上传证据">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'photo', collectedOn: dayjs(), file: [] }}
        onFinish={finish}
      >
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="kind" label="证据类型" rules={[{ required: true, message: '请选择证据类型' }]}>
              <Select options={evidenceKinds.map((value) => ({ value, label: evidenceKindLabels[value] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name="collectedOn"
              label="取证日期"
              rules={[{ required: true, message: '请选择取证日期' }]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="description"
              label="证据说明"
              rules={[
                { required: true, whitespace: true, message: '请填写证据说明' },
                { min: 2, message: '请填写证据说明' },
              ]}
            >
              <Input maxLength={500} placeholder="如：经营场所现场照片（第1张，共3张）" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="file"
              label="文件"
              valuePropName="fileList"
              getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList.slice(-1)}
              rules={[{ required: true, type: 'array', min: 1, message: '请选择证据文件' }]}
            >
              <Upload beforeUpload={() => false} maxCount={1}>
                <Button icon={<UploadOutlined />}>选择文件</Button>
              </Upload>
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={uploading}>
          上传
        </Button>
      </Form>
    </Card>
  );
}

/** 证据: files with their SHA-256, which the server computed when storing them. */
export function CaseEvidenceTab({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { can } = useAuth();
  const isPhone = useIsPhone();
  return (
    <Row gutter={[16, 16]}>
      {can('files.upload') && (
        <Col xs={24}>
          <EvidenceUploadForm caseId={detail.id} onUploaded={onChanged} />
        </Col>
      )}
      <Col xs={24}>
        <Table<CaseEvidence>
          rowKey="id"
          size="small"
          dataSource={detail.evidence}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '尚无证据' }}
          columns={[
            { title: '类型', dataIndex: 'kind', render: (kind: string) => evidenceKindLabel(kind) },
            {
              title: '说明',
              dataIndex: 'description',
              render: (value: string, row) => (
                <div style={{ whiteSpace: 'normal', minWidth: 160, maxWidth: isPhone ? 200 : 320 }}>
                  {value}
                  <div>
                    <a href={fileDownloadUrl(row.fileId)} download style={{ fontSize: 12 }}>
                      {row.fileName}
                    </a>
                  </div>
                </div>
              ),
            },
            { title: '取证日期', dataIndex: 'collectedOn' },
            {
              title: 'SHA-256',
              dataIndex: 'sha256',
              render: (value: string) => (
                <Typography.Text
                  code
                  copyable={{ text: value, tooltips: ['复制', '已复制'] }}
                  style={{ fontSize: 12 }}
                  data-testid="evidence-sha256"
                >
                  {isPhone ? `${value.slice(0, 12)}…` : value}
                </Typography.Text>
              ),
            },
            { title: '上传人', dataIndex: 'createdByName', responsive: ['md'] },
          ]}
        />
      </Col>
    </Row>
  );
}
