/** Permissions are data: roles hold these keys (editable by admins); routes and menus check them. */
export const permissionLabels = {
  'admin.orgs': '管理组织机构',
  'admin.users': '管理用户账号',
  'admin.roles': '管理角色与权限',
  'admin.calendar': '维护节假日与调休安排',
  'audit.read': '查阅审计日志',
  'audit.verify': '校验审计日志完整性',
  'officers.read': '查阅执法人员与执法证',
  'officers.manage': '管理执法证、年审、培训与考试',
  'files.upload': '上传附件',
  'documents.number': '取用文书编号（文号）',
  'documents.generate': '生成公文',
  'procedures.act': '办理流程环节',
  'catalogs.manage': '维护裁量基准与减免清单',
  'casefileReviews.manage': '维护案卷评查标准、组织评查轮次',
  'casefileReviews.score': '评查案卷（评分、评定优秀案卷）',
  'entities.manage': '维护检查对象名录库（登记、修改、批量导入）',
  'inspectionItems.manage': '维护检查事项清单',
} as const;
export type Permission = keyof typeof permissionLabels;
export const allPermissions = Object.keys(permissionLabels) as Permission[];

/** 'own': writes only in the user's own organisation; 'subtree': also in every organisation below it. */
export type WriteScope = 'own' | 'subtree';

export const roleIds = [
  'officer',
  'legalReviewer',
  'sectionHead',
  'deputyHead',
  'principal',
  'counsel',
  'complaintHandler',
  'publicityCoordinator',
  'systemAdmin',
] as const;
export type RoleId = (typeof roleIds)[number];

export const roleLabels: Record<RoleId, string> = {
  officer: '执法人员',
  legalReviewer: '法制审核人员',
  sectionHead: '科室负责人',
  deputyHead: '分管领导',
  principal: '主要负责人',
  counsel: '法律顾问',
  complaintHandler: '投诉举报/信访处理人员',
  publicityCoordinator: '普法联络员',
  systemAdmin: '系统管理员',
};

export const orgKinds = ['commission', 'bureau', 'institute', 'section'] as const;
export type OrgKind = (typeof orgKinds)[number];
export const orgKindLabels: Record<OrgKind, string> = {
  commission: '卫生健康委员会',
  bureau: '卫生健康局',
  institute: '卫生监督所/执法大队',
  section: '科室',
};
