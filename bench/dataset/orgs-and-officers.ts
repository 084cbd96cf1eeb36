// Dataset step: the organisation tree (省卫健委 → 市卫健委 → 县/区卫健局, each with its 监督所/执法大队 and 科室), the
// users and their roles, and every officer's file (执法证, 年审, 培训, 考试).
import { count, like } from 'drizzle-orm';
import {
  certificateReviews,
  officerCertificates,
  officerExams,
  officerTrainings,
  orgs,
  userRoles,
  users,
} from '../../src/server/db/tables.ts';
import type { OrgKind, RoleId } from '../../src/shared/platform/access.ts';
import type { Random } from '../lib/random.ts';
import { mobileNumber, personName, provinceName } from '../lib/chinese-names.ts';
import { authoritySections, instituteSections, planUnits, type Level, type Unit } from './org-units.ts';
import {
  DatasetRefusedError,
  type DatasetContext,
  type DatasetStep,
  type DatasetWorld,
  type WorldInstitute,
  type WorldOrg,
  type WorldUser,
} from './context.ts';
import type { ScaleDefinition } from './scales.ts';
import { outlooksFor, planOfficerFile, type OfficerFileRows } from './officer-files.ts';

export type OrgsAndOfficersPlan = {
  world: DatasetWorld;
  orgs: Array<typeof orgs.$inferInsert>;
  users: Array<typeof users.$inferInsert>;
  userRoles: Array<typeof userRoles.$inferInsert>;
} & OfficerFileRows;

export type PlanInput = {
  random: Random;
  scale: ScaleDefinition;
  today: string;
  usernamePrefix: string;
  passwordHash: string;
};

/** Everything the step inserts, computed without the database: the same input always gives the same plan. */
export function planOrgsAndOfficers(input: PlanInput): OrgsAndOfficersPlan {
  const { scale, today, usernamePrefix, passwordHash } = input;
  const random = input.random;
  const treeRandom = random.fork('tree');
  const peopleRandom = random.fork('people');
  const fileRandom = random.fork('files');
  const province = provinceName(treeRandom);
  const provinceCode = String(treeRandom.int(11, 89));
  const world: DatasetWorld = {
    province: { name: `${province}省`, code: provinceCode },
    rootOrg: null,
    rootAdmin: null,
    orgs: [],
    users: [],
    institutes: [],
  };
  const plan: OrgsAndOfficersPlan = {
    world,
    orgs: [],
    users: [],
    userRoles: [],
    certificates: [],
    reviews: [],
    trainings: [],
    exams: [],
  };
  const issuingBody = `${province}省人民政府`;
  let userSeq = 0;

  const addOrg = (
    parent: WorldOrg | null,
    name: string,
    kind: OrgKind,
    region: string,
    level: Level,
    code: string | null = null,
  ): WorldOrg => {
    const id = treeRandom.uuid();
    const org: WorldOrg = {
      id,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      name,
      kind,
      region,
      level,
    };
    plan.orgs.push({ id: org.id, parentId: org.parentId, name, kind, region, code, path: org.path });
    world.orgs.push(org);
    return org;
  };
  const addUser = (
    org: WorldOrg,
    roleIds: RoleId[],
    options: { username?: string; isActive?: boolean } = {},
  ): WorldUser => {
    const user: WorldUser = {
      id: peopleRandom.uuid(),
      orgId: org.id,
      username: options.username ?? `${usernamePrefix}u${String(++userSeq).padStart(6, '0')}`,
      displayName: personName(peopleRandom),
      roleIds,
    };
    plan.users.push({
      id: user.id,
      orgId: org.id,
      username: user.username,
      displayName: user.displayName,
      phone: mobileNumber(peopleRandom),
      passwordHash,
      isActive: options.isActive ?? true,
    });
    for (const roleId of roleIds) plan.userRoles.push({ userId: user.id, roleId });
    world.users.push(user);
    return user;
  };
  // 统一社会信用代码-shaped: 11 = 机关, 12 = 事业单位; not a checked code.
  const creditCode = (prefix: '11' | '12', regionCode: string) =>
    `${prefix}${regionCode}${String(treeRandom.int(0, 999_999_999)).padStart(9, '0')}${treeRandom.pick(['0', '3', '5', '7', 'X', 'K'])}`;

  for (const unit of planUnits(treeRandom, scale, provinceCode, province)) {
    const parent = unit.parent?.authority ?? null;
    const isRoot = parent === null;
    const authorityName = unit.level === 'county' ? `${unit.name}卫生健康局` : `${unit.name}卫生健康委员会`;
    const authority = addOrg(
      parent,
      authorityName,
      unit.level === 'county' ? 'bureau' : 'commission',
      unit.place,
      unit.level,
      creditCode('11', unit.regionCode),
    );
    unit.authority = authority;
    if (isRoot) world.rootOrg = authority;

    // The authority's own staff: administrator, leaders, section heads, legal reviewers, complaints and 普法.
    const admin = addUser(authority, ['systemAdmin'], isRoot ? { username: `${usernamePrefix}admin` } : {});
    if (isRoot) world.rootAdmin = { username: admin.username };
    addUser(authority, ['principal']);
    const deputies = { province: 3, city: 2, county: treeRandom.int(1, 2) }[unit.level];
    for (let i = 0; i < deputies; i++) addUser(authority, ['deputyHead']);
    const sectionNames = authoritySections[unit.level].slice(
      0,
      unit.level === 'county' ? treeRandom.int(3, 4) : undefined,
    );
    for (const sectionName of sectionNames) {
      const section = addOrg(authority, sectionName, 'section', unit.place, unit.level);
      addUser(section, ['sectionHead']);
      if (sectionName.startsWith('政策法规')) {
        for (let i = 0; i < { province: 3, city: 2, county: 1 }[unit.level]; i++)
          addUser(section, ['legalReviewer']);
        if (unit.level !== 'county') addUser(section, ['counsel']);
      }
      if (sectionName === '办公室') {
        for (let i = 0; i < (unit.level === 'province' ? 2 : 1); i++) addUser(section, ['complaintHandler']);
        addUser(section, ['publicityCoordinator']);
      }
    }
    planInstitute(unit, authority);
  }

  function planInstitute(unit: Unit, authority: WorldOrg): void {
    const instituteName =
      unit.level === 'province'
        ? `${unit.name}卫生健康综合监督执法局`
        : unit.level === 'city'
          ? `${unit.name}${treeRandom.chance(0.5) ? '卫生健康综合监督执法支队' : '卫生监督所'}`
          : `${unit.name}${treeRandom.chance(0.5) ? '卫生健康综合执法大队' : '卫生监督所'}`;
    const org = addOrg(
      authority,
      instituteName,
      'institute',
      unit.place,
      unit.level,
      creditCode('12', unit.regionCode),
    );
    const n = unit.officers;
    const sections = instituteSections
      .slice(0, Math.min(6, Math.max(2, Math.round(n / 10))))
      .map((name) => addOrg(org, name, 'section', unit.place, unit.level));
    const institute: WorldInstitute = { org, leaderIds: [], officerIds: [] };
    const outlooks = outlooksFor(fileRandom, n);
    let certificateSeq = 0;
    const nextCertificateNumber = (year: string) =>
      `${unit.regionCode}${year}${String(++certificateSeq).padStart(4, '0')}`;
    for (let i = 0; i < n; i++) {
      // The head and (in larger units) a deputy sit at the institute; each section has a head; all are officers.
      const isHead = i === 0;
      const isDeputy = i === 1 && n >= 8;
      const sectionIndex = isHead || isDeputy ? -1 : (i - (n >= 8 ? 2 : 1)) % sections.length;
      const isSectionHead = sectionIndex >= 0 && i - (n >= 8 ? 2 : 1) < sections.length;
      const roleIds: RoleId[] = isHead
        ? ['principal', 'officer']
        : isDeputy
          ? ['deputyHead', 'officer']
          : isSectionHead
            ? ['sectionHead', 'officer']
            : ['officer'];
      if (!isSectionHead && sectionIndex >= 0 && n >= 30 && i === n - 1) roleIds.push('legalReviewer');
      const plain = roleIds.length === 1;
      const user = addUser(sectionIndex >= 0 ? sections[sectionIndex]! : org, roleIds, {
        isActive: !(plain && peopleRandom.chance(0.01)),
      });
      institute.officerIds.push(user.id);
      if (isHead || isDeputy) institute.leaderIds.push(user.id);
      const file = planOfficerFile(fileRandom, {
        userId: user.id,
        orgId: user.orgId,
        outlook: outlooks[i]!,
        today,
        issuingBody,
        nextCertificateNumber,
      });
      plan.certificates.push(...file.certificates);
      plan.reviews.push(...file.reviews);
      plan.trainings.push(...file.trainings);
      plan.exams.push(...file.exams);
    }
    world.institutes.push(institute);
  }
  return plan;
}

export const orgsAndOfficers: DatasetStep = {
  name: 'orgs-and-officers',
  label: '组织机构、用户与执法人员档案',
  async generate(ctx: DatasetContext): Promise<void> {
    const plan = planOrgsAndOfficers({
      random: ctx.random,
      scale: ctx.scale,
      today: ctx.today,
      usernamePrefix: ctx.usernamePrefix,
      passwordHash: ctx.passwordHash,
    });
    await refuseClashes(ctx, plan);
    Object.assign(ctx.world, plan.world);
    ctx.plan(
      plan.orgs.length +
        plan.users.length +
        plan.userRoles.length +
        plan.certificates.length +
        plan.reviews.length +
        plan.trainings.length +
        plan.exams.length,
    );
    await ctx.insert(orgs, plan.orgs);
    await ctx.insert(users, plan.users);
    await ctx.insert(userRoles, plan.userRoles);
    await ctx.insert(officerCertificates, plan.certificates);
    await ctx.insert(certificateReviews, plan.reviews);
    await ctx.insert(officerTrainings, plan.trainings);
    await ctx.insert(officerExams, plan.exams);
  },
};

/** With --append, a seed whose usernames or certificate numbers are already present would collide. */
async function refuseClashes(ctx: DatasetContext, plan: OrgsAndOfficersPlan): Promise<void> {
  const [clash] = await ctx.db
    .select({ n: count() })
    .from(users)
    .where(like(users.username, `${ctx.usernamePrefix}%`));
  if ((clash?.n ?? 0) > 0) {
    throw new DatasetRefusedError(
      `种子 ${ctx.seed} 的数据已生成过（已有用户名以「${ctx.usernamePrefix}」开头），请换一个 --seed。`,
      `Seed ${ctx.seed} was already generated here (usernames starting "${ctx.usernamePrefix}" exist); use another --seed.`,
    );
  }
  const prefix = plan.world.province.code;
  const [numbers] = await ctx.db
    .select({ n: count() })
    .from(officerCertificates)
    .where(like(officerCertificates.certificateNumber, `${prefix}%`));
  if ((numbers?.n ?? 0) > 0) {
    throw new DatasetRefusedError(
      `已有以 ${prefix} 开头的执法证号，与种子 ${ctx.seed} 将生成的证号冲突，请换一个 --seed。`,
      `Certificate numbers starting ${prefix} already exist and would clash with seed ${ctx.seed}; use another --seed.`,
    );
  }
}
