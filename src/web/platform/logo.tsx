import { Typography } from 'antd';

/** The 法治 mark; `compact` drops the subtitle (phone header, login card). */
export function Logo({ compact = false }: { compact?: boolean }) {
  return (
    <span
      style={{ display: 'inline-flex', alignItems: 'center', gap: 10, whiteSpace: 'nowrap', lineHeight: 1.2 }}
    >
      <span
        aria-hidden
        style={{
          width: 32,
          height: 32,
          borderRadius: 6,
          background: '#b91c1c',
          color: '#fff',
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          lineHeight: 1,
          fontWeight: 700,
          fontSize: 18,
        }}
      >
        法
      </span>
      <span style={{ fontSize: 18, fontWeight: 600, color: '#1f2937' }}>法治</span>
      {!compact && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          法治政府建设工作平台
        </Typography.Text>
      )}
    </span>
  );
}
