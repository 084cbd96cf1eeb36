import { Form, Input, Select, Switch } from 'antd';
import { api } from '../../api.ts';
import { FormModal, blankToNull } from '../../platform/form-modal.tsx';
import { OrgSelect } from '../../platform/org-tree.tsx';
import { roleIds, roleLabels, type RoleId } from '../../../shared/platform/access.ts';
import type { CreateUserInput, UpdateUserInput, User } from '../../../shared/platform/orgs.ts';

type UserFormValues = {
  username: string;
  displayName: string;
  orgId: string;
  roleIds: RoleId[];
  phone?: string;
  password?: string;
  isActive?: boolean;
};

const roleOptions = roleIds.map((id) => ({ value: id, label: roleLabels[id] }));

// Mirrors shared NewPassword so the user sees the rule before the round trip; the server still decides.
const passwordRules = [
  { min: 10, message: '密码至少10位' },
  { pattern: /[A-Za-z]/, message: '密码须包含字母' },
  { pattern: /\d/, message: '密码须包含数字' },
];

/** Create (no `user`) or edit a user account; editing can also reset the password. */
export function UserFormModal({
  open,
  user,
  onClose,
  onSaved,
}: {
  open: boolean;
  user: User | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const editing = user !== undefined;

  async function submit(values: UserFormValues) {
    if (user) {
      const body: UpdateUserInput = {
        displayName: values.displayName.trim(),
        orgId: values.orgId,
        roleIds: values.roleIds,
        phone: blankToNull(values.phone),
        isActive: values.isActive ?? true,
      };
      if (values.password) body.resetPassword = values.password;
      await api.patch(`/users/${encodeURIComponent(user.id)}`, body);
    } else {
      const body: CreateUserInput = {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        orgId: values.orgId,
        roleIds: values.roleIds,
        password: values.password ?? '',
        phone: blankToNull(values.phone),
      };
      await api.post('/users', body);
    }
  }

  return (
    <FormModal<UserFormValues>
      title={editing ? `编辑用户：${user.displayName}` : '新增用户'}
      open={open}
      onClose={onClose}
      onSubmit={submit}
      onSaved={onSaved}
      successText={editing ? '用户已更新' : '用户已创建'}
      initialValues={
        user
          ? { ...user, phone: user.phone ?? undefined }
          : { roleIds: ['officer'] satisfies RoleId[], isActive: true }
      }
    >
      <Form.Item
        name="username"
        label="用户名"
        extra={editing ? '用户名创建后不可修改' : '3-32位字母、数字、下划线，以字母开头'}
        rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
      >
        <Input disabled={editing} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label="姓名"
        rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
      >
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item name="orgId" label="所属机构" rules={[{ required: true, message: '请选择所属机构' }]}>
        <OrgSelect />
      </Form.Item>
      <Form.Item name="roleIds" label="角色" rules={[{ required: true, message: '至少选择一个角色' }]}>
        <Select mode="multiple" options={roleOptions} placeholder="选择角色" />
      </Form.Item>
      <Form.Item
        name="phone"
        label="手机号"
        rules={[{ pattern: /^1\d{10}$/, message: '手机号应为11位数字' }]}
      >
        <Input maxLength={11} />
      </Form.Item>
      <Form.Item
        name="password"
        label={editing ? '重置密码' : '初始密码'}
        extra={editing ? '留空则不修改；重置后用户下次登录须修改密码' : '至少10位，须同时包含字母和数字'}
        rules={editing ? passwordRules : [{ required: true, message: '请输入初始密码' }, ...passwordRules]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {editing && (
        <Form.Item name="isActive" label="账号状态" valuePropName="checked">
          <Switch checkedChildren="启用" unCheckedChildren="停用" />
        </Form.Item>
      )}
    </FormModal>
  );
}
