import { Form, Input, Select } from 'antd';
import { api } from '../../api.ts';
import { FormModal, blankToNull } from '../../platform/form-modal.tsx';
import type { Entity } from '../../../shared/entities/payloads.ts';
import { categoryOptions, creditOptions, riskOptions, statusOptions } from './entity-labels.ts';

type Values = Omit<Entity, 'id' | 'orgId' | 'orgName' | 'updatedAt'>;

export type EntityFormModalProps = {
  open: boolean;
  /** The entity to edit; undefined registers a new one in the user's organisation. */
  entity?: Entity;
  onClose: () => void;
  onSaved: () => void;
};

/** 登记 or 修改 a 检查对象; the 统一社会信用代码 is fixed once registered. */
export function EntityFormModal({ open, entity, onClose, onSaved }: EntityFormModalProps) {
  async function submit(values: Values) {
    const body = {
      ...values,
      address: blankToNull(values.address),
      legalRepresentative: blankToNull(values.legalRepresentative),
      riskLevel: values.riskLevel ?? null,
      creditLevel: values.creditLevel ?? null,
    };
    if (entity) {
      const { uscc: _uscc, ...changes } = body;
      return api.patch(`/entities/${entity.id}`, changes);
    }
    return api.post('/entities', body);
  }

  return (
    <FormModal<Values>
      title={entity ? '修改检查对象' : '登记检查对象'}
      open={open}
      onClose={onClose}
      onSubmit={submit}
      onSaved={onSaved}
      initialValues={entity ?? { status: 'active' }}
    >
      <Form.Item
        name="uscc"
        label="统一社会信用代码"
        rules={[{ required: true, len: 18, message: '请填写18位统一社会信用代码' }]}
      >
        <Input disabled={entity !== undefined} maxLength={18} autoComplete="off" />
      </Form.Item>
      <Form.Item name="name" label="单位名称" rules={[{ required: true, message: '请填写单位名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
        <Select options={categoryOptions} />
      </Form.Item>
      <Form.Item
        name="areaCode"
        label="行政区划代码"
        rules={[{ required: true, pattern: /^\d{6}$/, message: '请填写6位行政区划代码' }]}
      >
        <Input maxLength={6} inputMode="numeric" />
      </Form.Item>
      <Form.Item name="address" label="地址">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="legalRepresentative" label="法定代表人（负责人）">
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="riskLevel" label="风险等级">
        <Select options={riskOptions} allowClear placeholder="未评定" />
      </Form.Item>
      <Form.Item name="creditLevel" label="信用等级">
        <Select options={creditOptions} allowClear placeholder="未评定" />
      </Form.Item>
      <Form.Item name="status" label="状态" rules={[{ required: true, message: '请选择状态' }]}>
        <Select options={statusOptions} />
      </Form.Item>
    </FormModal>
  );
}
