import { Tag } from 'antd';
import {
  certificateStatusLabels,
  ineligibilityLabels,
  type Certificate,
  type Ineligibility,
} from '../../../shared/platform/officers.ts';

/** Certificates expiring within this many days get an orange warning (matches the list filter). */
export const expiryWarningDays = 60;

export function ExpiryTag({ expiresInDays }: { expiresInDays: number | null }) {
  if (expiresInDays === null) return null;
  if (expiresInDays < 0) return <Tag color="red">已过期</Tag>;
  if (expiresInDays === 0) return <Tag color="orange">今日到期</Tag>;
  if (expiresInDays <= expiryWarningDays) return <Tag color="orange">{expiresInDays}天后到期</Tag>;
  return null;
}

const statusColors: Record<Certificate['status'], string> = {
  valid: 'success',
  suspended: 'warning',
  revoked: 'default',
};

export function CertificateStatusTag({ status }: { status: Certificate['status'] }) {
  return <Tag color={statusColors[status]}>{certificateStatusLabels[status]}</Tag>;
}

export function EligibilityTag({ ineligibility }: { ineligibility: Ineligibility | null }) {
  return ineligibility ? (
    <Tag color="red">{ineligibilityLabels[ineligibility]}</Tag>
  ) : (
    <Tag color="green">可执法</Tag>
  );
}
