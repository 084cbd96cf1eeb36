import { z } from 'zod';
import { orgKinds, roleIds } from './access.ts';

export const LoginInput = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64, '用户名不超过64个字符').describe('用户名'),
  password: z.string().min(1, '请输入密码').max(256, '密码过长').describe('密码'),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  org: z.object({ id: z.string(), name: z.string(), kind: z.enum(orgKinds) }),
  roles: z.array(z.object({ id: z.enum(roleIds), name: z.string() })),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const MeResponse = z.object({ user: Me });
export type MeResponse = z.infer<typeof MeResponse>;

/** At least 10 characters with letters and digits: the demo and the admin's first password are replaced. */
export const NewPassword = z
  .string()
  .min(10, '新密码至少10位')
  .max(128, '新密码不超过128位')
  .regex(/[A-Za-z]/, '新密码须包含字母')
  .regex(/\d/, '新密码须包含数字');

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, '请输入当前密码'),
  newPassword: NewPassword,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;
