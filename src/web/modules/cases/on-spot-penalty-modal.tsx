import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { z } from 'zod';
import { api, type Page } from '../../api.ts';
import { useMe } from '../../platform/auth.tsx';
import { FormModal } from '../../platform/form-modal.tsx';
import { useQuery } from '../../platform/use-query.ts';
import { useIsPhone } from '../../platform/use-media-query.ts';
import { penaltyKindLabels } from '../../../shared/cases/penalties.ts';
import type { ViolationTypeSummary } from '../../../shared/cases/catalogs.ts';
import type { CaseDetail } from '../../../shared/cases/records.ts';
import { PartyFields } from './create-case-modal.tsx';
import { caseLink } from './case-list-page.tsx';
import {
  onSpotCaseTitle,
  onSpotFineHelp,
  onSpotPenaltyKinds,
  toCreateSimpleCaseInput,
  type OnSpotValues,
} from './on-spot-penalty.ts';
import { useEligibleOfficers } from './use-eligible-officers.ts';

type Violation = z.infer<typeof ViolationTypeSummary>;

/** 违法行为 from the 裁量基准 adopted by the organisation; choosing one names the case and shows its basis. */
function ViolationField() {
  const form = Form.useFormInstance<OnSpotValues>();
  const [search, setSearch] = useState('');
  const { data, loading } = useQuery<Page<Violation>>('/catalogs/violation-types', {
    q: search || undefined,
    pageSize: 50,
  });
  // Kept apart from the options, which change with each search.
  const [chosen, setChosen] = useState<Violation>();

  return (
    <Form.Item
      name="violationTypeId"
      label="违法行为"
      extra={chosen ? `依据：${chosen.legalBasis}` : '从本机构适用的裁量基准中选择，将据此生成案件名称'}
    >
      <Select
        allowClear
        showSearch={{ filterOption: false, onSearch: (value) => setSearch(value.trim()) }}
        loading={loading}
        placeholder="输入名称查找违法行为"
        options={(data?.items ?? []).map((item) => ({ value: item.id, label: item.title }))}
        onChange={(id: string | undefined) => {
          const found = data?.items.find((item) => item.id === id);
          setChosen(found);
          if (found) {
            const partyName = form.getFieldValue(['party', 'name']) as string | undefined;
            form.setFieldsValue({ title: onSpotCaseTitle(partyName, found.title) });
          }
        }}
      />
    </Form.Item>
  );
}

function PenaltyFields() {
  const form = Form.useFormInstance<OnSpotValues>();
  const partyKind = Form.useWatch(['party', 'kind'], form) ?? 'person';
  const kinds = Form.useWatch('penaltyKinds', form) ?? [];
  const fined = kinds.includes('fine');
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name="penaltyKinds"
          label="处罚种类"
          rules={[{ required: true, type: 'array', min: 1, message: '至少选择一种处罚' }]}
          extra="简易程序只能给予警告或者罚款"
        >
          <Checkbox.Group
            options={onSpotPenaltyKinds.map((kind) => ({ value: kind, label: penaltyKindLabels[kind] }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="fineFen"
          label="罚款数额（元）"
          extra={onSpotFineHelp(partyKind)}
          rules={fined ? [{ required: true, message: '请填写罚款数额' }] : []}
          hidden={!fined}
        >
          <InputNumber style={{ width: '100%' }} min={0} precision={2} suffix="元" />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** 执法人员: at least two holding a valid certificate today, the user first when certified. */
function OfficerField() {
  const me = useMe();
  const form = Form.useFormInstance<OnSpotValues>();
  const { officers, officerOptions, error, loading } = useEligibleOfficers();
  const meEligible = officers.some((officer) => officer.userId === me.id);
  useEffect(() => {
    const current: string[] = form.getFieldValue('officerIds') ?? [];
    if (meEligible && !current.includes(me.id)) form.setFieldsValue({ officerIds: [me.id, ...current] });
  }, [meEligible, form, me.id]);
  return (
    <>
      {error !== undefined && (
        <Alert type="error" showIcon title="无法载入可执法人员" style={{ marginBottom: 12 }} />
      )}
      <Form.Item
        name="officerIds"
        label="执法人员"
        extra="当场处罚应当由两名以上持有效执法证的执法人员作出（行政处罚法第四十二条）"
        rules={[
          {
            required: true,
            type: 'array',
            min: 2,
            message: '应当由两名以上执法人员当场作出（行政处罚法第四十二条）',
          },
        ]}
      >
        <Select
          mode="multiple"
          options={officerOptions}
          loading={loading}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择执法人员"
        />
      </Form.Item>
    </>
  );
}

/**
 * 当场处罚（简易程序）: the server creates the case with its numbered 当场行政处罚决定书, or refuses above
 * 行政处罚法第五十一条's thresholds with the reason shown under 罚款数额. On success the case page opens.
 */
export function OnSpotPenaltyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const created = useRef<CaseDetail>(undefined);

  return (
    <FormModal<OnSpotValues>
      title="当场处罚（简易程序）"
      open={open}
      onClose={onClose}
      onSaved={() => {
        if (created.current) navigate(caseLink(created.current.id));
      }}
      okText="作出当场处罚决定"
      successText="已作出当场处罚决定，决定书已生成"
      width={isPhone ? undefined : 760}
      initialValues={{
        party: { kind: 'person', idType: 'residentIdCard' },
        penaltyKinds: ['warning'],
        decidedOn: dayjs(),
        officerIds: [],
      }}
      onSubmit={async (values) => {
        created.current = await api.post<CaseDetail>('/cases/simple', toCreateSimpleCaseInput(values));
      }}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        违法事实确凿并有法定依据，对公民处二百元以下、对法人或者其他组织处三千元以下罚款或者警告的，可以当场作出行政处罚决定（行政处罚法第五十一条）。
      </Typography.Paragraph>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        当事人
      </Typography.Title>
      <PartyFields />

      <Typography.Title level={5}>违法行为与处罚</Typography.Title>
      <ViolationField />
      <Form.Item
        name="title"
        label="案件名称"
        rules={[
          { required: true, whitespace: true, message: '请填写案件名称' },
          { min: 4, message: '案件名称至少4个字' },
        ]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="facts"
        label="违法事实"
        rules={[
          { required: true, whitespace: true, message: '请填写违法事实' },
          { min: 4, message: '请填写违法事实' },
        ]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <PenaltyFields />

      <Typography.Title level={5}>当场决定</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="decidedOn"
            label="决定日期"
            rules={[{ required: true, message: '请选择决定日期' }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="place"
            label="地点"
            rules={[
              { required: true, whitespace: true, message: '请填写地点' },
              { min: 2, message: '请填写地点' },
            ]}
          >
            <Input maxLength={200} placeholder="作出决定的地点" />
          </Form.Item>
        </Col>
      </Row>
      <OfficerField />
    </FormModal>
  );
}
