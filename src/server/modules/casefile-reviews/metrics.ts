// 评查执法案卷N件，评选优秀案卷（案例）M件. A file counts on the day it was scored, under the organisation that ran
// the round (the reviewing body's work, as its report quotes it): a city round over county files counts for the
// city (and nowhere in the counties' own figures), a county round for the county and, through the subtree, the
// city. A case reviewed in two rounds counts in each, since each is a review carried out.
import { and, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { MetricId } from '../../../shared/metrics/catalog.ts';
import { inSubtree, registerCountMetric, type MetricScope } from '../../platform/metrics/registry.ts';
import { penaltyCases } from '../cases/tables.ts';
import { casefileReviewFiles, casefileReviewRounds } from './tables.ts';

function reviewMetric(id: MetricId, condition?: SQL): void {
  const where = (scope: MetricScope) =>
    and(
      inSubtree(casefileReviewFiles.orgId, scope),
      gte(casefileReviewFiles.scoredOn, scope.from),
      lte(casefileReviewFiles.scoredOn, scope.to),
      condition,
    );
  registerCountMetric({
    id,
    table: casefileReviewFiles,
    where,
    page: async (db, condition, page) =>
      (
        await db
          .select({
            id: casefileReviewFiles.id,
            caseId: casefileReviewFiles.caseId,
            scoredOn: casefileReviewFiles.scoredOn,
            totalScore: casefileReviewFiles.totalScore,
            caseTitle: penaltyCases.title,
            roundName: casefileReviewRounds.name,
          })
          .from(casefileReviewFiles)
          .innerJoin(penaltyCases, eq(penaltyCases.id, casefileReviewFiles.caseId))
          .innerJoin(casefileReviewRounds, eq(casefileReviewRounds.id, casefileReviewFiles.roundId))
          .where(condition)
          .orderBy(casefileReviewFiles.scoredOn, casefileReviewFiles.id)
          .limit(page.limit)
          .offset(page.offset)
      ).map((r) => ({
        id: r.id,
        title: `${r.caseTitle}（${r.roundName}，${r.totalScore}分）`,
        date: r.scoredOn,
        value: null,
        link: `/cases/${r.caseId}`,
      })),
  });
}

reviewMetric('casefile.reviewed');
reviewMetric('casefile.excellent', eq(casefileReviewFiles.isExcellent, true));
