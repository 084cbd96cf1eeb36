// Dataset step: 行政处罚案件 (ordinary procedure) handled by the institutes, with their parties, officers and the
// procedure_deadlines rows the engine would hold for them (running for open cases, stopped for finished clocks).
import { and, count, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { officerCertificates, users } from '../../src/server/db/tables.ts';
import {
  caseOfficers,
  parties,
  penaltyCases as penaltyCasesTable,
} from '../../src/server/modules/cases/tables.ts';
import { procedureDeadlines } from '../../src/server/platform/procedure-engine/tables.ts';
import { ordinaryPenaltyProcedure } from '../../src/shared/cases/procedure.ts';
import { addCalendarDays, daysBetween } from '../../src/shared/law/calendar.ts';
import { apportion, type Random } from '../lib/random.ts';
import {
  DatasetRefusedError,
  type DatasetContext,
  type DatasetStep,
  type WorldInstitute,
} from './context.ts';
import {
  decidedStates,
  planPenalty,
  planTimeline,
  stateWeights,
  type CaseTimeline,
} from './case-timeline.ts';
import { caseTitle, generateParty, type PartyPlace } from './party-identities.ts';

/** Cases built and inserted together: 200,000 never sit in memory at once. */
const sliceSize = 5_000;
const procedureId = ordinaryPenaltyProcedure.id;
const sources = [
  ['inspection', 45],
  ['randomInspection', 20],
  ['complaint', 22],
  ['referral', 8],
  ['other', 5],
] as const;

/** 立案 number: `<region>卫立〔<year>〕<n>号`, n counting per region and year in filing order. */
export const caseNumberOf = (region: string, year: string, n: number) => `${region}卫立〔${year}〕${n}号`;
const decisionNumberOf = (region: string, year: string, n: number) => `${region}卫罚决〔${year}〕${n}号`;

type Skeleton = { institute: Uint16Array; caseSeq: Int32Array; decisionSeq: Int32Array };

export const penaltyCases: DatasetStep = {
  name: 'penalty-cases',
  label: '行政处罚案件（普通程序）、当事人、承办人员与期限',
  async generate(ctx: DatasetContext): Promise<void> {
    const n = ctx.scale.volumes.penaltyCases;
    const institutes = ctx.world.institutes;
    if (n === 0 || institutes.length === 0) return;
    await refuseClashes(ctx, institutes);
    const places = institutePlaces(ctx.random.fork('places'), ctx.world.province.code, institutes);
    const skeleton = planSkeleton(ctx, institutes, n);
    const certified = await certifiedOfficers(ctx, institutes);
    const teams = institutes.map((inst) => {
      const ok = inst.officerIds.filter((id) => certified.has(id));
      return ok.length >= 2 ? ok : inst.officerIds;
    });
    for (let start = 0; start < n; start += sliceSize) {
      const end = Math.min(n, start + sliceSize);
      const partyRows: Array<typeof parties.$inferInsert> = [];
      const caseRows: Array<typeof penaltyCasesTable.$inferInsert> = [];
      const officerRows: Array<typeof caseOfficers.$inferInsert> = [];
      const deadlineRows: Array<typeof procedureDeadlines.$inferInsert> = [];
      for (let i = start; i < end; i++) {
        const random = caseRandom(ctx, i);
        const timeline = planTimeline(random, random.weighted(stateWeights), ctx.today);
        const k = skeleton.institute[i]!;
        const inst = institutes[k]!;
        const orgId = inst.org.id;
        const party = generateParty(random, random.uuid(), orgId, places[k]!);
        const caseId = random.uuid();
        const title = caseTitle(random, party);
        const team = random.shuffle(teams[k]!).slice(0, teams[k]!.length >= 3 && random.chance(0.3) ? 3 : 2);
        const assigneeId = team[0] ?? null;
        const penalty = decidedStates.has(timeline.state) ? planPenalty(random, party.kind) : null;
        partyRows.push({ ...party, createdAt: at(random, timeline.leadOn) });
        caseRows.push({
          id: caseId,
          orgId,
          procedure: 'ordinary',
          state: timeline.state,
          title,
          source: random.weighted(sources),
          partyId: party.id!,
          facts: `经查，${title.slice(0, -1)}。`,
          occurredOn: addCalendarDays(timeline.leadOn, -random.int(0, 20)),
          assigneeId,
          caseNumber: timeline.filedOn
            ? caseNumberOf(inst.org.region, timeline.filedOn.slice(0, 4), skeleton.caseSeq[i]!)
            : null,
          filedOn: timeline.filedOn,
          hearingOffered: timeline.hearingOffered,
          requiresCollectiveDeliberation: timeline.state === 'collectiveDeliberation',
          penaltyKinds: penalty?.kinds ?? [],
          fineFen: penalty?.fineFen ?? 0,
          confiscationFen: penalty?.confiscationFen ?? 0,
          decisionNumber: timeline.decidedOn
            ? decisionNumberOf(inst.org.region, timeline.decidedOn.slice(0, 4), skeleton.decisionSeq[i]!)
            : null,
          decidedOn: timeline.decidedOn,
          servedOn: timeline.servedOn,
          paidOn: timeline.paidOn,
          ...payment(timeline, penalty),
          closedOn: timeline.closedOn,
          createdAt: at(random, timeline.leadOn),
          updatedAt: at(random, lastDate(timeline)),
        });
        team.forEach((userId, j) => officerRows.push({ caseId, userId, orgId, isLead: j === 0 }));
        for (const c of timeline.clocks) {
          deadlineRows.push({
            id: random.uuid(),
            procedureId,
            recordId: caseId,
            recordTitle: title,
            orgId,
            assigneeId,
            clock: c.clock,
            ruleId: ordinaryPenaltyProcedure.clocks[c.clock].rule,
            status: c.status,
            startedOn: c.startedOn,
            dueDate: c.dueDate,
            stoppedOn: c.stoppedOn,
          });
        }
      }
      ctx.plan(partyRows.length + caseRows.length + officerRows.length + deadlineRows.length);
      await ctx.insert(parties, partyRows);
      await ctx.insert(penaltyCasesTable, caseRows);
      await ctx.insert(caseOfficers, officerRows);
      await ctx.insert(procedureDeadlines, deadlineRows);
    }
  },
};

/** Every case draws from its own stream, so the skeleton pass and the row pass see the same timeline. */
function caseRandom(ctx: DatasetContext, i: number): Random {
  return ctx.random.fork(`case-${i}`);
}

/**
 * First pass: which institute handles each case (in proportion to its officers, shuffled), and the 立案 and
 * 决定 numbers, which count per region and year in date order — so this pass needs every case's dates.
 */
function planSkeleton(ctx: DatasetContext, institutes: WorldInstitute[], n: number): Skeleton {
  const counts = apportion(
    n,
    institutes.map((i) => Math.max(i.officerIds.length, 1)),
  );
  const order: number[] = [];
  counts.forEach((c, k) => {
    for (let j = 0; j < c; j++) order.push(k);
  });
  const institute = Uint16Array.from(ctx.random.fork('institutes').shuffle(order));
  const filed: Array<[string, number]> = [];
  const decided: Array<[string, number]> = [];
  for (let i = 0; i < n; i++) {
    const random = caseRandom(ctx, i);
    const t = planTimeline(random, random.weighted(stateWeights), ctx.today);
    if (t.filedOn) filed.push([t.filedOn, i]);
    if (t.decidedOn) decided.push([t.decidedOn, i]);
  }
  const number = (dated: Array<[string, number]>): Int32Array => {
    dated.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    const seq = new Int32Array(n);
    const next = new Map<string, number>();
    for (const [date, i] of dated) {
      const key = `${institutes[institute[i]!]!.org.region}|${date.slice(0, 4)}`;
      const value = (next.get(key) ?? 0) + 1;
      next.set(key, value);
      seq[i] = value;
    }
    return seq;
  };
  return { institute, caseSeq: number(filed), decisionSeq: number(decided) };
}

/** The 行政区划码 the institute's parties are registered under (province code + 4 digits per institute). */
function institutePlaces(random: Random, provinceCode: string, institutes: WorldInstitute[]): PartyPlace[] {
  const pad = (v: number) => String(v).padStart(2, '0');
  return institutes.map((inst, k) => ({
    name: inst.org.region,
    regionCode: `${provinceCode}${pad(1 + (Math.floor(k / 12) % 70))}${pad(random.int(1, 30))}`,
  }));
}

/** Officers holding a current, valid certificate today; case teams are drawn from these (第四十二条). */
async function certifiedOfficers(ctx: DatasetContext, institutes: WorldInstitute[]): Promise<Set<string>> {
  const ids = institutes.flatMap((i) => i.officerIds);
  const certified = new Set<string>();
  for (let s = 0; s < ids.length; s += 5_000) {
    const rows = await ctx.db
      .select({ id: officerCertificates.userId })
      .from(officerCertificates)
      .innerJoin(users, eq(users.id, officerCertificates.userId))
      .where(
        and(
          inArray(officerCertificates.userId, ids.slice(s, s + 5_000)),
          eq(officerCertificates.isCurrent, true),
          eq(officerCertificates.status, 'valid'),
          eq(users.isActive, true),
          lte(officerCertificates.validFrom, ctx.today),
          gte(officerCertificates.validUntil, ctx.today),
        ),
      );
    for (const r of rows) certified.add(r.id);
  }
  return certified;
}

/** A time on `date` during office hours, China time. */
function at(random: Random, date: string): Date {
  const minutes = random.int(8 * 60 + 30, 17 * 60 + 30);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return new Date(`${date}T${hh}:${mm}:00+08:00`);
}

function lastDate(t: CaseTimeline): string {
  const dates = [t.leadOn, t.filedOn, t.decidedOn, t.servedOn, t.paidOn, t.closedOn];
  for (const c of t.clocks) dates.push(c.startedOn, c.stoppedOn);
  const sorted = dates.filter((d): d is string => d !== null).sort();
  return sorted[sorted.length - 1] ?? t.leadOn;
}

/** Paid amounts of settled cases, with 加处罚款 (3 % a day, at most the fine) when paid after 15 days. */
function payment(t: CaseTimeline, penalty: { fineFen: number; confiscationFen: number } | null) {
  if (!t.paidOn || !penalty) return { paidFen: 0, lateFeeFen: 0 };
  const lateDays = Math.max(0, daysBetween(t.servedOn!, t.paidOn) - 15);
  const lateFeeFen = Math.min(penalty.fineFen, Math.round((penalty.fineFen * 3 * lateDays) / 100));
  return { paidFen: penalty.fineFen + penalty.confiscationFen + lateFeeFen, lateFeeFen };
}

/** With --append, case numbers of the same regions would collide with an earlier dataset's. */
async function refuseClashes(ctx: DatasetContext, institutes: WorldInstitute[]): Promise<void> {
  const regions = [...new Set(institutes.map((i) => i.org.region))];
  const [row] = await ctx.db
    .select({ n: count() })
    .from(penaltyCasesTable)
    .where(inArray(sql`split_part(${penaltyCasesTable.caseNumber}, '卫立〔', 1)`, regions));
  if ((row?.n ?? 0) > 0) {
    throw new DatasetRefusedError(
      `已有与种子 ${ctx.seed} 同地区的立案编号，追加会重复，请换一个 --seed。`,
      `Case numbers of the same regions already exist and would clash with seed ${ctx.seed}; use another --seed.`,
    );
  }
}
