import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import {
  documentKindLabels,
  isNumberedDocumentKind,
  type PenaltyDocumentKind,
} from '../../../shared/cases/documents.ts';
import { caseSourceLabels } from '../../../shared/cases/records.ts';
import { chinaToday } from '../../../shared/officers/eligibility.ts';
import { orgs, users } from '../../platform/orgs/tables.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { nextDocumentNumber } from '../../platform/numbering/service.ts';
import { storeGeneratedFile } from '../../platform/files/service.ts';
import {
  buildOfficialDocument,
  formatChineseDate,
  type OfficialBlock,
} from '../../platform/documents/official-document.ts';
import { AppError } from '../../platform/errors.ts';
import {
  caseDocuments,
  caseEvidence,
  caseOfficers,
  caseReviews,
  parties,
  penaltyCases,
  violationTypes,
} from './tables.ts';
import { requireCase } from './service.ts';
import { describeProposal, PenaltyProposal } from '../../../shared/cases/payloads.ts';

const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const yuan = (fen: number) =>
  `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}元`;

type CaseFacts = Awaited<ReturnType<typeof loadFacts>>;

async function loadFacts(db: Db, caseId: string) {
  const [row] = await db
    .select({ c: penaltyCases, party: parties, orgName: orgs.name })
    .from(penaltyCases)
    .innerJoin(parties, eq(parties.id, penaltyCases.partyId))
    .innerJoin(orgs, eq(orgs.id, penaltyCases.orgId))
    .where(eq(penaltyCases.id, caseId));
  const officers = await db
    .select({ name: users.displayName })
    .from(caseOfficers)
    .innerJoin(users, eq(users.id, caseOfficers.userId))
    .where(eq(caseOfficers.caseId, caseId));
  const evidence = await db
    .select({ description: caseEvidence.description })
    .from(caseEvidence)
    .where(eq(caseEvidence.caseId, caseId))
    .orderBy(asc(caseEvidence.createdAt));
  // Newest first: a case sent back for investigation is deliberated (or reviewed) again, and the last record counts.
  const reviews = await db
    .select()
    .from(caseReviews)
    .where(eq(caseReviews.caseId, caseId))
    .orderBy(desc(caseReviews.createdAt));
  const [violation] = row!.c.violationTypeId
    ? await db.select().from(violationTypes).where(eq(violationTypes.id, row!.c.violationTypeId))
    : [];
  return {
    ...row!,
    officers: officers.map((o) => o.name),
    evidence: evidence.map((e) => e.description),
    violation: violation ?? null,
    reviews,
  };
}

/** 文书 written from a record of case_reviews: the kind of record each needs, and its four row labels. */
type RecordLayout = { kind: string; step: string; rows: readonly [string, string, string, string] };
const recordOfDocument = {
  caseDeliberationRecord: {
    kind: 'caseDeliberation',
    step: '案件合议',
    rows: ['合议日期', '合议人员', '合议意见', '合议结论'],
  },
  hearingRecord: {
    kind: 'hearing',
    step: '听证',
    rows: ['听证日期', '听证参加人员', '当事人陈述、申辩和质证意见', '听证结论（主持人意见）'],
  },
  legalReviewOpinion: {
    kind: 'legalReview',
    step: '法制审核',
    rows: ['审核日期', '审核人员', '审核意见', '审核结论'],
  },
  collectiveDeliberationRecord: {
    kind: 'collectiveDeliberation',
    step: '集体讨论',
    rows: ['讨论日期', '参加讨论人员', '参加人员意见', '讨论决定'],
  },
} as const satisfies Partial<Record<PenaltyDocumentKind, RecordLayout>>;

type ReviewDocumentKind = keyof typeof recordOfDocument;
const isReviewDocument = (kind: PenaltyDocumentKind): kind is ReviewDocumentKind =>
  Object.hasOwn(recordOfDocument, kind);

/** The rows of a 合议/听证/审核/讨论 record: who took part, what they said, what they concluded. */
function reviewBlocks(kind: ReviewDocumentKind, f: CaseFacts): OfficialBlock[] {
  const { kind: reviewKind, rows: labels } = recordOfDocument[kind];
  const review = f.reviews.find((r) => r.kind === reviewKind)!;
  return [
    {
      kind: 'table',
      rows: [
        ['案件名称', f.c.title],
        ['案号', f.c.caseNumber ?? ''],
        ['当事人', f.party.name],
        [labels[0], formatChineseDate(review.heldOn)],
        [labels[1], review.participants.join('、')],
        [labels[2], review.opinion],
        [labels[3], review.conclusion],
        ...(kind === 'legalReviewOpinion' || kind === 'collectiveDeliberationRecord'
          ? [['重大执法决定情形', f.c.majorReasons.join('；') || '无']]
          : []),
      ],
      columnWidths: [1, 3],
    },
  ];
}

function partyLines(f: CaseFacts): OfficialBlock[] {
  const p = f.party;
  const lines =
    p.kind === 'person'
      ? [
          `当事人：${p.name}`,
          `身份证号码：${p.idNumber ?? '（未登记）'}`,
          `住址：${p.address ?? '（未登记）'}`,
        ]
      : [
          `当事人：${p.name}`,
          `统一社会信用代码：${p.uscc ?? '（未登记）'}`,
          `法定代表人（负责人）：${p.legalRepresentative ?? '（未登记）'}`,
          `地址：${p.address ?? '（未登记）'}`,
        ];
  return lines.map((text) => ({ kind: 'paragraph', text, indent: false }));
}

/** The blocks of each 文书, written from the case record so nothing is typed twice. */
function blocksFor(kind: PenaltyDocumentKind, f: CaseFacts, today: string): OfficialBlock[] {
  const facts = f.c.facts || '（违法事实待调查认定）';
  const basis = f.violation
    ? `${f.violation.legalBasis}${f.violation.penaltyBasis ? `；${f.violation.penaltyBasis}` : ''}`
    : '（法律依据待认定）';
  // Before the decision, the notice states the 合议 proposal; after it, the decided penalty.
  const proposal = PenaltyProposal.safeParse(f.c.proposal);
  const proposed = !f.c.decidedOn && proposal.success ? describeProposal(proposal.data) : null;
  const penalty = proposed
    ? proposed
    : f.c.fineFen > 0 || f.c.confiscationFen > 0
      ? [
          f.c.penaltyKinds.includes('warning') ? '警告' : '',
          f.c.fineFen > 0 ? `罚款${yuan(f.c.fineFen)}` : '',
          f.c.confiscationFen > 0 ? `没收违法所得${yuan(f.c.confiscationFen)}` : '',
        ]
          .filter(Boolean)
          .join('，')
      : f.c.penaltyKinds.includes('warning')
        ? '警告'
        : '（拟处罚内容待定）';
  switch (kind) {
    case 'filingApproval':
      return [
        {
          kind: 'table',
          rows: [
            ['案件名称', f.c.title],
            ['案件来源', caseSourceLabels[f.c.source as keyof typeof caseSourceLabels] ?? f.c.source],
            ['当事人', f.party.name],
            ['违法行为发生日期', f.c.occurredOn ? formatChineseDate(f.c.occurredOn) : '（不详）'],
            ['简要案情', facts],
            ['承办人员', f.officers.join('、')],
            ['审批意见', ''],
          ],
          columnWidths: [1, 3],
        },
      ];
    case 'priorNotice':
    case 'hearingRightsNotice':
      return [
        ...partyLines(f),
        { kind: 'paragraph', text: `经调查，你（单位）${facts}` },
        {
          kind: 'paragraph',
          text: `以上事实违反了${basis}。依据上述规定，本机关拟对你（单位）作出如下行政处罚：${penalty}。`,
        },
        {
          kind: 'paragraph',
          text:
            kind === 'hearingRightsNotice'
              ? '根据《中华人民共和国行政处罚法》第四十四条、第六十三条、第六十四条的规定，你（单位）有权进行陈述和申辩，并有权要求举行听证。如要求听证，应当在收到本告知书之日起五个工作日内提出；逾期视为放弃。'
              : '根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩。逾期未提出的，视为放弃上述权利。',
        },
      ];
    case 'penaltyDecision':
      // 行政处罚法第五十九条: the six items a decision must state.
      return [
        ...partyLines(f),
        { kind: 'heading1', text: '一、违法事实和证据' },
        { kind: 'paragraph', text: facts },
        ...(f.evidence.length
          ? [
              {
                kind: 'paragraph' as const,
                text: `以上事实有下列证据证明：${f.evidence.map((e, i) => `${i + 1}.${e}`).join('；')}。`,
              },
            ]
          : []),
        { kind: 'heading1', text: '二、行政处罚的种类和依据' },
        {
          kind: 'paragraph',
          text: `你（单位）的上述行为违反了${basis}。本机关决定给予如下行政处罚：${penalty}。`,
        },
        { kind: 'heading1', text: '三、履行方式和期限' },
        {
          kind: 'paragraph',
          text: '罚款应当自收到本决定书之日起十五日内缴至指定银行或者通过电子支付系统缴纳。到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款（《中华人民共和国行政处罚法》第六十七条、第七十二条）。',
        },
        { kind: 'heading1', text: '四、救济途径和期限' },
        {
          kind: 'paragraph',
          text: '如不服本处罚决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
        },
      ];
    case 'closingReport':
      return [
        {
          kind: 'table',
          rows: [
            ['案件名称', f.c.title],
            ['案号', f.c.caseNumber ?? ''],
            ['当事人', f.party.name],
            ['处罚决定书文号', f.c.decisionNumber ?? ''],
            ['处罚内容', penalty],
            ['罚款', yuan(f.c.fineFen)],
            ['加处罚款', yuan(f.c.lateFeeFen)],
            ['实际缴纳金额', yuan(f.c.paidFen)],
            ['执行情况', f.c.paidOn ? `已于${formatChineseDate(f.c.paidOn)}履行` : ''],
            ['结案日期', formatChineseDate(today)],
          ],
          columnWidths: [1, 3],
        },
      ];
    case 'caseDeliberationRecord':
    case 'hearingRecord':
    case 'legalReviewOpinion':
    case 'collectiveDeliberationRecord':
      return reviewBlocks(kind, f);
    default:
      return [
        ...partyLines(f),
        { kind: 'paragraph', text: facts },
        { kind: 'paragraph', text: `承办人员：${f.officers.join('、')}` },
      ];
  }
}

/**
 * Generates a 文书 as .docx in the official layout, from the case data; numbered kinds get the next 文号 in
 * the same transaction (gapless). The decision's 文号 becomes the case's decision number.
 */
export async function generateCaseDocument(
  db: Db,
  actor: Actor,
  filesDir: string,
  caseId: string,
  kind: string,
) {
  if (!Object.hasOwn(documentKindLabels, kind))
    throw new AppError(404, 'NOT_FOUND', `文书种类「${kind}」不存在`);
  const documentKind = kind as PenaltyDocumentKind;
  const current = await requireCase(db, actor, caseId, { write: true });
  // A 文号 is used up when issued, so numbered 文书 wait until the case is filed (立案).
  if (isNumberedDocumentKind(documentKind) && current.state === 'lead') {
    throw new AppError(
      409,
      'CONFLICT',
      `「${documentKindLabels[documentKind]}」须在立案后制作（编号文书一经取号不再收回）`,
    );
  }
  const today = chinaToday();
  return inTransaction(db, async (tx) => {
    const facts = await loadFacts(tx, caseId);
    if (isReviewDocument(documentKind)) {
      const { kind: reviewKind, step } = recordOfDocument[documentKind];
      if (!facts.reviews.some((r) => r.kind === reviewKind))
        throw new AppError(
          409,
          'CONFLICT',
          `「${documentKindLabels[documentKind]}」依据${step}记录制作，请先在办理环节中记录${step}`,
        );
    }
    const number = isNumberedDocumentKind(documentKind)
      ? await nextDocumentNumber(tx, {
          orgId: current.orgId,
          documentType: documentKind,
          year: Number(today.slice(0, 4)),
        })
      : null;
    const label = documentKindLabels[documentKind];
    const buffer = await buildOfficialDocument({
      issuer: { name: facts.orgName },
      documentNumber: number?.text,
      title: label,
      blocks: blocksFor(documentKind, facts, today),
      signature: { organisation: facts.orgName, date: today },
    });
    const file = await storeGeneratedFile(
      tx,
      actor,
      filesDir,
      {
        fileName: `${label}-${facts.c.title}.docx`,
        mimeType: docxMime,
        buffer,
      },
      { orgId: current.orgId },
    );
    const [row] = await tx
      .insert(caseDocuments)
      .values({
        caseId,
        orgId: current.orgId,
        kind: documentKind,
        documentNumber: number?.text ?? null,
        fileId: file.id,
        createdBy: actor.userId,
      })
      .returning();
    if (documentKind === 'penaltyDecision' && number)
      await tx
        .update(penaltyCases)
        .set({ decisionNumber: number.text, updatedAt: new Date() })
        .where(eq(penaltyCases.id, caseId));
    await recordAudit(tx, {
      actor,
      orgId: current.orgId,
      action: 'cases.generateDocument',
      entityType: 'penaltyCase',
      entityId: caseId,
      after: {
        kind: documentKind,
        documentNumber: number?.text ?? null,
        fileId: file.id,
        sha256: file.sha256,
      },
    });
    return {
      id: row!.id,
      kind: documentKind,
      kindLabel: label,
      documentNumber: row!.documentNumber,
      fileId: file.id,
      createdAt: row!.createdAt.toISOString(),
    };
  });
}
