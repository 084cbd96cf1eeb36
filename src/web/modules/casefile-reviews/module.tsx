import { FileSearchOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../platform/menu.ts';
import type { PermissionRequirement } from '../../platform/auth.tsx';

/** Officers read how their files were scored; reviewers and the legal office also score and organise rounds. */
export const casefileReviewsReadPermission: PermissionRequirement = [
  'procedures.act',
  'casefileReviews.manage',
  'casefileReviews.score',
];

/** 案卷评查: the rubric, the yearly review rounds, their files and the scoring of each file. */
export const casefileReviewsModule: WebModule = {
  menu: [
    {
      key: 'casefile-reviews',
      label: '案卷评查',
      icon: <FileSearchOutlined />,
      path: '/casefile-reviews',
      permission: casefileReviewsReadPermission,
    },
  ],
  routes: [
    {
      path: '/casefile-reviews',
      permission: casefileReviewsReadPermission,
      page: lazyPage(() => import('./rounds-page.tsx'), 'RoundsPage'),
    },
    {
      path: '/casefile-reviews/rubric',
      permission: casefileReviewsReadPermission,
      title: '评查标准',
      page: lazyPage(() => import('./rubric-page.tsx'), 'RubricPage'),
    },
    {
      path: '/casefile-reviews/rounds/:id',
      permission: casefileReviewsReadPermission,
      title: '评查轮次',
      page: lazyPage(() => import('./round-detail-page.tsx'), 'RoundDetailPage'),
    },
    {
      path: '/casefile-reviews/files/:id',
      permission: casefileReviewsReadPermission,
      title: '案卷评分',
      page: lazyPage(() => import('./score-page.tsx'), 'ScorePage'),
    },
  ],
};
