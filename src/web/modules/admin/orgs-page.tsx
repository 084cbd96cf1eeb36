import { useState, type ReactNode } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Tree,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api.ts';
import { buildOrgTree, useOrgs, type OrgNode } from '../../platform/org-tree.tsx';
import { showServerErrors } from '../../platform/form-errors.ts';
import { FormModal, blankToNull } from '../../platform/form-modal.tsx';
import { orgKindLabels, orgKinds, type OrgKind } from '../../../shared/platform/access.ts';
import type { CreateOrgInput, Org, UpdateOrgInput } from '../../../shared/platform/orgs.ts';

type OrgFormValues = { name: string; kind: OrgKind; code?: string | null; region?: string | null };

const kindOptions = orgKinds.map((kind) => ({ value: kind, label: orgKindLabels[kind] }));

function OrgFields() {
  return (
    <>
      <Form.Item
        name="name"
        label="机构名称"
        rules={[{ required: true, whitespace: true, message: '请输入机构名称' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label="机构类型" rules={[{ required: true, message: '请选择机构类型' }]}>
        <Select options={kindOptions} />
      </Form.Item>
      <Form.Item name="code" label="机构代码" extra="统一社会信用代码或机构代码">
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item name="region" label="行政区划">
        <Input maxLength={50} />
      </Form.Item>
    </>
  );
}

function toTreeData(
  nodes: OrgNode[],
): { key: string; title: ReactNode; children: ReturnType<typeof toTreeData> }[] {
  return nodes.map((node) => ({
    key: node.key,
    title: (
      <span>
        {node.org.name} <Tag style={{ marginInlineStart: 4 }}>{orgKindLabels[node.org.kind]}</Tag>
      </span>
    ),
    children: toTreeData(node.children),
  }));
}

function OrgEditor({ org, onSaved }: { org: Org; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<OrgFormValues>();
  const [saving, setSaving] = useState(false);

  async function save(values: OrgFormValues) {
    setSaving(true);
    try {
      const body: UpdateOrgInput = {
        name: values.name.trim(),
        kind: values.kind,
        code: blankToNull(values.code),
        region: blankToNull(values.region),
      };
      await api.patch(`/orgs/${encodeURIComponent(org.id)}`, body);
      message.success('机构信息已保存');
      onSaved();
    } catch (error) {
      message.error(showServerErrors(form, error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form<OrgFormValues> key={org.id} form={form} layout="vertical" initialValues={org} onFinish={save}>
      <OrgFields />
      <Button type="primary" htmlType="submit" loading={saving}>
        保存修改
      </Button>
    </Form>
  );
}

export function OrgsPage() {
  const { data, error, loading, reload } = useOrgs();
  const [selectedId, setSelectedId] = useState<string>();
  const [creating, setCreating] = useState(false);
  const orgs = data?.items ?? [];
  const selected =
    orgs.find((org) => org.id === selectedId) ?? orgs.find((org) => !orgs.some((o) => o.id === org.parentId));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        组织机构
      </Typography.Title>
      {error !== undefined && <Alert type="error" showIcon title={errorMessage(error)} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10}>
          <Card title="机构树" size="small">
            <Spin spinning={loading}>
              {orgs.length === 0 ? (
                <Empty />
              ) : (
                <Tree
                  treeData={toTreeData(buildOrgTree(orgs))}
                  defaultExpandAll
                  selectedKeys={selected ? [selected.id] : []}
                  onSelect={(keys) => {
                    const key = keys[0];
                    if (typeof key === 'string') setSelectedId(key);
                  }}
                />
              )}
            </Spin>
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card
            size="small"
            title={selected ? `编辑：${selected.name}` : '机构信息'}
            extra={
              selected && (
                <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  新增下级机构
                </Button>
              )
            }
          >
            {selected ? (
              <OrgEditor org={selected} onSaved={reload} />
            ) : (
              <Empty description="请在左侧选择机构" />
            )}
          </Card>
        </Col>
      </Row>
      <FormModal<OrgFormValues>
        title={`在「${selected?.name ?? ''}」下新增机构`}
        open={creating}
        onClose={() => setCreating(false)}
        initialValues={{ kind: 'section' }}
        successText="机构已创建"
        onSubmit={async (values) => {
          if (!selected) return;
          const body: CreateOrgInput = {
            parentId: selected.id,
            name: values.name.trim(),
            kind: values.kind,
            code: blankToNull(values.code),
            region: blankToNull(values.region),
          };
          await api.post('/orgs', body);
        }}
        onSaved={reload}
      >
        <OrgFields />
      </FormModal>
    </Space>
  );
}
