import { z } from 'zod';
import { Id, PageQuery } from './pagination.ts';
import { allPermissions, orgKinds, roleIds } from './access.ts';
import { NewPassword } from './auth.ts';

export const Org = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  kind: z.enum(orgKinds),
  code: z.string().nullable().describe('统一社会信用代码或机构代码'),
  region: z.string().nullable().describe('行政区划'),
});
export type Org = z.infer<typeof Org>;
export const OrgList = z.object({ items: z.array(Org) });

export const CreateOrgInput = z.object({
  parentId: Id.describe('上级机构'),
  name: z.string().trim().min(2, '机构名称至少2个字').max(100, '机构名称不超过100个字'),
  kind: z.enum(orgKinds, { message: '机构类型不正确' }),
  code: z.string().trim().max(32, '机构代码不超过32位').nullable().optional(),
  region: z.string().trim().max(50).nullable().optional(),
});
export type CreateOrgInput = z.infer<typeof CreateOrgInput>;
export const UpdateOrgInput = CreateOrgInput.omit({ parentId: true }).partial();
export type UpdateOrgInput = z.infer<typeof UpdateOrgInput>;

export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  roleIds: z.array(z.enum(roleIds)),
  isActive: z.boolean(),
  phone: z.string().nullable(),
});
export type User = z.infer<typeof User>;

export const UserListQuery = PageQuery.extend({
  orgId: Id.optional().describe('只看该机构及其下级'),
  q: z.string().trim().max(50).optional().describe('按用户名或姓名查找'),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

const Username = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名为3-32位字母、数字、下划线，以字母开头');

export const CreateUserInput = z.object({
  username: Username,
  displayName: z.string().trim().min(2, '姓名至少2个字').max(32, '姓名不超过32个字'),
  orgId: Id.describe('所属机构'),
  roleIds: z.array(z.enum(roleIds, { message: '角色不存在' })).min(1, '至少选择一个角色'),
  password: NewPassword,
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '手机号应为11位数字')
    .nullable()
    .optional(),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z
  .object({
    displayName: z.string().trim().min(2, '姓名至少2个字').max(32),
    orgId: Id,
    roleIds: z.array(z.enum(roleIds, { message: '角色不存在' })).min(1, '至少选择一个角色'),
    isActive: z.boolean(),
    phone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/, '手机号应为11位数字')
      .nullable(),
    resetPassword: NewPassword,
  })
  .partial();
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const Role = z.object({
  id: z.enum(roleIds),
  name: z.string(),
  permissions: z.array(z.string()),
  writeScope: z.enum(['own', 'subtree']),
});
export type Role = z.infer<typeof Role>;
export const RoleList = z.object({
  items: z.array(Role),
  permissions: z.array(z.object({ key: z.string(), label: z.string() })),
});

export const UpdateRoleInput = z.object({
  permissions: z.array(z.enum(allPermissions as [string, ...string[]], { message: '权限不存在' })),
  writeScope: z.enum(['own', 'subtree'], { message: '写入范围应为 own 或 subtree' }),
});
export type UpdateRoleInput = z.infer<typeof UpdateRoleInput>;
