import { and, eq, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { dueSoonThresholdDays } from '../../../shared/procedure/clocks.ts';
import { certificateExpiryWarningDays, daysUntil } from '../../../shared/officers/eligibility.ts';
import { addCalendarDays } from '../../../shared/law/calendar.ts';
import { orgs, roles, userRoles, users } from '../orgs/tables.ts';
import { officerCertificates } from '../officers/tables.ts';
import { procedureDeadlines } from './tables.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { notifyUser } from './engine.ts';
import { findProcedure } from './registry.ts';
import { legalRules, type LegalRuleId } from '../../../shared/law/legal-rules.ts';

/** Users of `orgPath` or any organisation above it whose roles grant `permission` (who should hear about it). */
async function responsibleUsers(db: Db, orgPath: string, permission: string): Promise<{ id: string }[]> {
  return db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(
      and(
        eq(users.isActive, true),
        sql`${orgPath} like ${orgs.path} || '%'`,
        sql`${permission} = any(${roles.permissions})`,
      ),
    );
}

/** The levels at which a certificate holder and the managers are reminded, in days before expiry. */
const certificateLevels = [certificateExpiryWarningDays, 30, 7, 0] as const;

/**
 * Daily sweep: raises each due-soon and overdue deadline reminder and each certificate-expiry warning
 * (60/30/7 days ahead and on expiry) once; dedupe keys make re-running it harmless.
 */
export async function sweepReminders(
  db: Db,
  today: string,
): Promise<{ deadlineReminders: number; certificateWarnings: number }> {
  return inTransaction(db, async (tx) => {
    let deadlineReminders = 0;
    const due = await tx
      .select({ d: procedureDeadlines, orgPath: orgs.path })
      .from(procedureDeadlines)
      .innerJoin(orgs, eq(orgs.id, procedureDeadlines.orgId))
      .where(
        and(
          ne(procedureDeadlines.status, 'stopped'),
          ne(procedureDeadlines.status, 'paused'),
          lte(procedureDeadlines.dueDate, addCalendarDays(today, dueSoonThresholdDays)),
        ),
      );
    for (const { d, orgPath } of due) {
      if (!d.dueDate) continue;
      const overdue = d.dueDate < today;
      const recipients = d.assigneeId
        ? [{ id: d.assigneeId }]
        : await responsibleUsers(tx, orgPath, 'procedures.act');
      const rule = legalRules[d.ruleId as LegalRuleId];
      const label = findProcedure(d.procedureId)?.definition.clocks[d.clock]?.label ?? d.clock;
      for (const r of recipients) {
        const sent = await notifyUser(tx, {
          userId: r.id,
          orgId: d.orgId,
          kind: overdue ? 'deadline.overdue' : 'deadline.dueSoon',
          title: overdue ? `${label}已逾期` : `${label}即将到期`,
          body: `「${d.recordTitle}」的${label}${overdue ? '已于' : '将于'} ${d.dueDate} 届满（${rule?.citation ?? d.ruleId}）`,
          link: findProcedure(d.procedureId)?.link(d.recordId) ?? null,
          dedupeKey: `deadline:${d.id}:${d.dueDate}:${overdue ? 'overdue' : 'dueSoon'}`,
        });
        if (sent) deadlineReminders += 1;
      }
    }

    // A deadline that falls in a year whose holidays are not loaded cannot be computed: ask the admins to load it.
    const undetermined = await tx
      .selectDistinct({ error: procedureDeadlines.error })
      .from(procedureDeadlines)
      .where(and(eq(procedureDeadlines.status, 'running'), isNull(procedureDeadlines.dueDate)));
    for (const { error } of undetermined) {
      if (!error) continue;
      for (const admin of await responsibleUsers(tx, '/', 'admin.calendar')) {
        const [rootOrg] = await tx.select({ id: users.orgId }).from(users).where(eq(users.id, admin.id));
        if (
          await notifyUser(tx, {
            userId: admin.id,
            orgId: rootOrg!.id,
            kind: 'calendar.missing',
            title: '请录入节假日安排',
            body: `有期限无法计算：${error}。请在「系统管理 → 工作日历」录入国务院办公厅的放假通知。`,
            link: '/admin/calendar',
            dedupeKey: `calendar-missing:${error}`,
          })
        ) {
          deadlineReminders += 1;
        }
      }
    }

    let certificateWarnings = 0;
    const expiring = await tx
      .select({ c: officerCertificates, holder: users.displayName, orgPath: orgs.path })
      .from(officerCertificates)
      .innerJoin(users, eq(users.id, officerCertificates.userId))
      .innerJoin(orgs, eq(orgs.id, officerCertificates.orgId))
      .where(
        and(
          eq(officerCertificates.isCurrent, true),
          eq(officerCertificates.status, 'valid'),
          eq(users.isActive, true),
          lte(officerCertificates.validUntil, addCalendarDays(today, certificateExpiryWarningDays)),
        ),
      );
    const managersByOrg = new Map<string, { id: string }[]>();
    for (const { c, holder, orgPath } of expiring) {
      const days = daysUntil(today, c.validUntil);
      const level = [...certificateLevels].reverse().find((l) => days <= l) ?? certificateExpiryWarningDays;
      if (!managersByOrg.has(orgPath))
        managersByOrg.set(orgPath, await responsibleUsers(tx, orgPath, 'officers.manage'));
      const recipients = [{ id: c.userId }, ...managersByOrg.get(orgPath)!];
      for (const r of recipients) {
        const sent = await notifyUser(tx, {
          userId: r.id,
          orgId: c.orgId,
          kind: 'certificate.expiring',
          title: days < 0 ? `执法证已过期：${holder}` : `执法证将于${days}天后到期：${holder}`,
          body: `${holder}的行政执法证（${c.certificateNumber}）有效期至 ${c.validUntil}${days < 0 ? '，已不能从事执法活动' : '，请及时办理换证'}`,
          link: `/officers/${c.userId}`,
          dedupeKey: `certificate:${c.id}:${level}`,
        });
        if (sent) certificateWarnings += 1;
      }
    }
    if (deadlineReminders + certificateWarnings > 0) {
      await recordAudit(tx, {
        actor: null,
        orgId: null,
        action: 'reminders.sweep',
        entityType: 'reminders',
        entityId: today,
        after: { deadlineReminders, certificateWarnings },
      });
    }
    return { deadlineReminders, certificateWarnings };
  });
}
