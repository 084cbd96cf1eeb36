import { useEffect, useState } from 'react';
import { Alert, App, Button, Checkbox, Descriptions, InputNumber, Space, Table, Tag, Typography } from 'antd';
import {
  defaultPenaltySettings,
  type PenaltySettingsInput,
  type PenaltySettingsView,
} from '../../../shared/cases/penalty-settings.ts';
import { penaltyKindLabels } from '../../../shared/cases/penalties.ts';
import { api, errorMessage } from '../../api.ts';
import { useQuery } from '../../platform/use-query.ts';

type Criterion = PenaltySettingsInput['majorDecisionCriteria'][number];
type Amounts = PenaltySettingsInput['hearingThresholds']['fineFen'];

const flagLabels: Record<string, string> = {
  mayCauseMajorSocialImpact: '合议认定可能造成重大社会影响',
  involvesMajorPublicInterest: '合议认定涉及重大公共利益',
  isComplex: '合议认定案情疑难复杂',
  requiredByLaw: '法律、法规规定应当法制审核',
  hearingHeld: '经过听证程序',
};

/** Two amounts (公民 / 法人或者其他组织) edited in yuan, kept in fen. */
function AmountsInput({
  value,
  onChange,
  disabled,
}: {
  value: Amounts;
  onChange: (next: Amounts) => void;
  disabled: boolean;
}) {
  const field = (key: keyof Amounts, label: string) => (
    <InputNumber
      aria-label={label}
      prefix={label}
      suffix="元"
      min={0.01}
      precision={2}
      disabled={disabled}
      value={value[key] / 100}
      onChange={(yuan) => yuan !== null && onChange({ ...value, [key]: Math.round(yuan * 100) })}
    />
  );
  return (
    <Space wrap>
      {field('person', '公民')}
      {field('organisation', '法人或者其他组织')}
    </Space>
  );
}

function condition(criterion: Criterion): string {
  switch (criterion.test) {
    case 'flag':
      return flagLabels[criterion.flag] ?? criterion.flag;
    case 'penaltyKind':
      return `处罚种类含${criterion.kinds.map((kind) => penaltyKindLabels[kind]).join('、')}`;
    case 'fineAtLeast':
      return '罚款达到下列数额';
    case 'confiscationAtLeast':
      return '没收金额达到下列数额';
  }
}

/**
 * 处罚标准: 较大数额 that offers a hearing (行政处罚法第六十三条) and the 重大执法决定 list beside the statutory
 * items of 第五十八条. Subordinate organisations inherit the setting unless they set their own.
 */
export function PenaltySettingsTab({ canEdit }: { canEdit: boolean }) {
  const { message } = App.useApp();
  const { data, error, loading, reload } = useQuery<PenaltySettingsView>('/penalty-settings');
  const [draft, setDraft] = useState<PenaltySettingsInput>();
  const [saving, setSaving] = useState(false);
  useEffect(() => setDraft(data?.settings), [data]);

  if (error) return <Alert type="error" showIcon title={errorMessage(error)} />;
  if (!data || !draft) return <Typography.Text type="secondary">{loading ? '加载中…' : ''}</Typography.Text>;

  // Every criterion the organisation may switch on: its own, and the default ones it switched off.
  const candidates = [
    ...draft.majorDecisionCriteria,
    ...defaultPenaltySettings.majorDecisionCriteria.filter(
      (c) => !draft.majorDecisionCriteria.some((own) => own.id === c.id),
    ),
  ];
  const enabled = (id: string) => draft.majorDecisionCriteria.some((c) => c.id === id);
  const toggle = (criterion: Criterion, on: boolean) =>
    setDraft({
      ...draft,
      majorDecisionCriteria: on
        ? [...draft.majorDecisionCriteria, criterion]
        : draft.majorDecisionCriteria.filter((c) => c.id !== criterion.id),
    });
  const setAmounts = (criterion: Criterion, fen: Amounts) =>
    setDraft({
      ...draft,
      majorDecisionCriteria: draft.majorDecisionCriteria.map((c) =>
        c.id === criterion.id && (c.test === 'fineAtLeast' || c.test === 'confiscationAtLeast')
          ? { ...c, fen }
          : c,
      ),
    });
  const setThreshold = (key: keyof PenaltySettingsInput['hearingThresholds'], fen: Amounts) =>
    setDraft({ ...draft, hearingThresholds: { ...draft.hearingThresholds, [key]: fen } });
  const save = async () => {
    setSaving(true);
    try {
      await api.put('/penalty-settings', draft);
      message.success('处罚标准已保存，之后合议的案件按新标准认定');
      reload();
    } catch (caught) {
      message.error(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={
          data.source
            ? data.source.orgId === data.orgId
              ? '本机构已设置处罚标准，下级机构未单独设置的沿用本设置'
              : `沿用${data.source.orgName}的设置；保存后本机构单独适用`
            : '尚未设置，适用系统默认值（较大数额待按本省规定核实）'
        }
      />
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label="较大数额罚款（第六十三条，达到即告知听证权利）">
          <AmountsInput
            value={draft.hearingThresholds.fineFen}
            onChange={(fen) => setThreshold('fineFen', fen)}
            disabled={!canEdit}
          />
        </Descriptions.Item>
        <Descriptions.Item label="没收较大数额违法所得、较大价值非法财物">
          <AmountsInput
            value={draft.hearingThresholds.confiscationFen}
            onChange={(fen) => setThreshold('confiscationFen', fen)}
            disabled={!canEdit}
          />
        </Descriptions.Item>
        <Descriptions.Item label="法定的重大执法决定情形（始终适用）">
          <Space wrap size={[4, 4]}>
            {data.statutoryCriteria.map((c) => (
              <Tag key={c.id} title={c.citation}>
                {c.label}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Table<Criterion>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={candidates}
        title={() => '本机构的重大执法决定标准（须经法制审核和集体讨论）'}
        columns={[
          {
            title: '适用',
            width: 64,
            render: (_, c) => (
              <Checkbox
                aria-label={`适用${c.label}`}
                checked={enabled(c.id)}
                disabled={!canEdit}
                onChange={(event) => toggle(c, event.target.checked)}
              />
            ),
          },
          { title: '标准', dataIndex: 'label' },
          {
            title: '条件',
            render: (_, c) =>
              c.test === 'fineAtLeast' || c.test === 'confiscationAtLeast' ? (
                <Space orientation="vertical" size={4}>
                  {condition(c)}
                  <AmountsInput
                    value={c.fen}
                    onChange={(fen) => setAmounts(c, fen)}
                    disabled={!canEdit || !enabled(c.id)}
                  />
                </Space>
              ) : (
                condition(c)
              ),
          },
          { title: '依据', dataIndex: 'citation' },
        ]}
      />
      {canEdit && (
        <Button type="primary" loading={saving} onClick={() => void save()}>
          保存处罚标准
        </Button>
      )}
    </Space>
  );
}
