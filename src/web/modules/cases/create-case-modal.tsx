import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Col,
  DatePicker,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Typography,
  type FormInstance,
  type FormRule,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiRequestError, type Page } from '../../api.ts';
import type { Entity } from '../../../shared/entities/payloads.ts';
import { useMe } from '../../platform/auth.tsx';
import { FormModal, blankToNull } from '../../platform/form-modal.tsx';
import { useIsPhone } from '../../platform/use-media-query.ts';
import {
  partyKindLabels,
  partyKinds,
  personIdTypeLabels,
  personIdTypes,
  validateChineseId,
  validateUscc,
  type PartyInput,
  type PartyKind,
} from '../../../shared/cases/parties.ts';
import {
  CreateCaseInput,
  caseSourceLabels,
  caseSources,
  type CaseDetail,
} from '../../../shared/cases/records.ts';
import { useEligibleOfficers } from './use-eligible-officers.ts';

export type PartyValues = {
  kind: PartyKind;
  name: string;
  idType: (typeof personIdTypes)[number];
  idNumber?: string;
  uscc?: string;
  legalRepresentative?: string;
  address: string;
  phone?: string;
  /** The 检查对象名录库 entry picked to fill an organisation's fields. */
  entityId?: string;
};

type Values = {
  title: string;
  source: (typeof caseSources)[number];
  sourceReference?: string;
  occurredOn?: Dayjs;
  facts?: string;
  party: PartyValues;
  assigneeId: string;
  officerIds: string[];
};

const required = (message: string): FormRule[] => [{ required: true, whitespace: true, message }];

function codeRule(check: (code: string) => true | string): FormRule {
  return {
    validator: (_, value: string | undefined) => {
      const code = value?.trim().toUpperCase();
      if (!code) return Promise.resolve();
      const verdict = check(code);
      return verdict === true ? Promise.resolve() : Promise.reject(new Error(verdict));
    },
  };
}

export function toParty(party: PartyValues): PartyInput {
  const common = { name: party.name.trim(), address: party.address.trim(), phone: blankToNull(party.phone) };
  if (party.kind === 'person') {
    return {
      kind: 'person',
      idType: party.idType,
      idNumber: (party.idNumber ?? '').trim().toUpperCase(),
      ...common,
    };
  }
  return {
    kind: 'organisation',
    uscc: (party.uscc ?? '').trim().toUpperCase(),
    legalRepresentative: (party.legalRepresentative ?? '').trim(),
    ...common,
    ...(party.entityId ? { entityId: party.entityId } : {}),
  };
}

/** The body of POST /api/cases, checked against the shared schema so mistakes show before the round trip. */
export function toCreateCaseInput(values: Values): CreateCaseInput {
  const officerIds = [...new Set([values.assigneeId, ...(values.officerIds ?? [])])];
  const body = {
    title: values.title.trim(),
    source: values.source,
    sourceReference: blankToNull(values.sourceReference),
    party: toParty(values.party),
    occurredOn: values.occurredOn ? values.occurredOn.format('YYYY-MM-DD') : null,
    facts: values.facts?.trim() ?? '',
    assigneeId: values.assigneeId,
    officerIds,
  };
  const parsed = CreateCaseInput.safeParse(body);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    throw new ApiRequestError(422, 'VALIDATION', '登记内容有误，请按提示修改', fields);
  }
  return body;
}

/**
 * Picks a unit of the 检查对象名录库 (searched on the server by name or 统一社会信用代码) and fills the party's fields
 * from it; the case is then linked to that entry. Without a pick the server links the entry with the same code.
 */
function EntityPicker() {
  const form = Form.useFormInstance<{ party: PartyValues }>();
  const [found, setFound] = useState<Entity[]>([]);
  const [searching, setSearching] = useState(false);
  const latest = useRef(0);
  const search = (text: string) => {
    const q = text.trim();
    const request = ++latest.current;
    if (q.length < 2) {
      setFound([]);
      return;
    }
    setSearching(true);
    api
      .get<Page<Entity>>('/entities', { q, pageSize: 20 })
      .then((page) => {
        if (request === latest.current) setFound(page.items);
      })
      .catch(() => {
        if (request === latest.current) setFound([]);
      })
      .finally(() => {
        if (request === latest.current) setSearching(false);
      });
  };
  const pick = (id: string | undefined) => {
    const entity = found.find((e) => e.id === id);
    if (!entity) return;
    const party = form.getFieldValue('party') as PartyValues;
    form.setFieldsValue({
      party: {
        ...party,
        entityId: entity.id,
        name: entity.name,
        uscc: entity.uscc,
        legalRepresentative: entity.legalRepresentative ?? party.legalRepresentative,
        address: entity.address ?? party.address,
      },
    });
  };
  return (
    <Form.Item
      name={['party', 'entityId']}
      label="从检查对象名录库选择"
      extra="按单位名称或统一社会信用代码查找，选中后填入当事人信息（可选）"
    >
      <Select
        allowClear
        showSearch={{ filterOption: false, onSearch: search }}
        loading={searching}
        placeholder="输入至少2个字查找"
        notFoundContent={searching ? '查找中…' : '未找到'}
        options={found.map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）` }))}
        onChange={pick}
      />
    </Form.Item>
  );
}

/** 当事人 under the form's `party` key (公民 or 法人/其他组织), shared by 登记线索 and 当场处罚. */
export function PartyFields() {
  const form = Form.useFormInstance<{ party: PartyValues }>();
  const kind = Form.useWatch(['party', 'kind'], form) ?? 'person';
  const idType = Form.useWatch(['party', 'idType'], form) ?? 'residentIdCard';
  return (
    <>
      <Form.Item name={['party', 'kind']} label="当事人类型" rules={required('请选择当事人类型')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={partyKinds.map((value) => ({ value, label: partyKindLabels[value] }))}
        />
      </Form.Item>
      <Row gutter={16}>
        {kind === 'person' ? (
          <>
            <Col xs={24} md={12}>
              <Form.Item name={['party', 'name']} label="姓名" rules={required('请填写当事人姓名')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['party', 'idType']} label="证件类型">
                <Select
                  options={personIdTypes.map((value) => ({ value, label: personIdTypeLabels[value] }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name={['party', 'idNumber']}
                label={idType === 'residentIdCard' ? '身份证号' : '证件号码'}
                rules={[
                  ...required('请填写证件号码'),
                  ...(idType === 'residentIdCard' ? [codeRule((code) => validateChineseId(code))] : []),
                ]}
              >
                <Input maxLength={30} autoComplete="off" />
              </Form.Item>
            </Col>
          </>
        ) : (
          <>
            <Col xs={24}>
              <EntityPicker />
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['party', 'name']} label="名称" rules={required('请填写单位名称')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name={['party', 'uscc']}
                label="统一社会信用代码"
                rules={[...required('请填写统一社会信用代码'), codeRule(validateUscc)]}
              >
                <Input maxLength={18} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name={['party', 'legalRepresentative']}
                label="法定代表人（负责人）"
                rules={required('请填写法定代表人（负责人）')}
              >
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          </>
        )}
        <Col xs={24} md={12}>
          <Form.Item name={['party', 'phone']} label="联系电话">
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name={['party', 'address']}
            label={kind === 'person' ? '住址' : '地址'}
            rules={required('请填写地址（行政处罚决定书须载明，第五十九条）')}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** The 主办人员 is one of the 承办人员: picking one adds it to the list. */
function addToOfficers(form: FormInstance<Values>, userId: string | undefined) {
  const current: string[] = form.getFieldValue('officerIds') ?? [];
  if (userId && !current.includes(userId)) form.setFieldsValue({ officerIds: [userId, ...current] });
}

/** 主办人员 and 承办人员 from today's certified officers; the user is the default 主办人员 when certified. */
function OfficerFields() {
  const me = useMe();
  const form = Form.useFormInstance<Values>();
  const { officers, officerOptions, error, loading } = useEligibleOfficers();
  const meEligible = officers.some((officer) => officer.userId === me.id);

  useEffect(() => {
    if (meEligible && !form.getFieldValue('assigneeId')) {
      form.setFieldsValue({ assigneeId: me.id });
      addToOfficers(form, me.id);
    }
  }, [meEligible, form, me.id]);

  return (
    <>
      <Typography.Title level={5}>执法人员</Typography.Title>
      {error !== undefined && (
        <Alert type="error" showIcon title="无法载入可执法人员" style={{ marginBottom: 12 }} />
      )}
      {!loading && error === undefined && officers.length < 2 && (
        <Alert
          type="warning"
          showIcon
          title="本机构今日持有效执法证的人员不足两名，无法登记（行政处罚法第四十二条）"
          style={{ marginBottom: 12 }}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="assigneeId" label="主办人员" rules={required('请选择主办人员')}>
            <Select
              options={officerOptions}
              loading={loading}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择主办人员"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="officerIds"
            label="承办人员"
            required
            dependencies={['assigneeId']}
            extra="含主办人员在内至少两名持有效执法证的人员"
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: string[] | undefined) => {
                  const all = new Set([getFieldValue('assigneeId') as string | undefined, ...(value ?? [])]);
                  all.delete(undefined);
                  return all.size >= 2
                    ? Promise.resolve()
                    : Promise.reject(new Error('应当指定至少两名执法人员（行政处罚法第四十二条）'));
                },
              }),
            ]}
          >
            <Select
              mode="multiple"
              options={officerOptions}
              loading={loading}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择承办人员"
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** 登记线索: a new case in 线索登记 with its party and at least two certified officers. */
export function CreateCaseModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (created: CaseDetail | undefined) => void;
}) {
  const isPhone = useIsPhone();
  const created = useRef<CaseDetail>(undefined);

  return (
    <FormModal<Values>
      title="登记线索"
      open={open}
      onClose={onClose}
      onSaved={() => onSaved(created.current)}
      okText="登记"
      successText="线索已登记"
      width={isPhone ? undefined : 760}
      initialValues={{
        source: 'inspection',
        party: { kind: 'person', idType: 'residentIdCard' },
        officerIds: [],
      }}
      onSubmit={async (values) => {
        created.current = await api.post<CaseDetail>('/cases', toCreateCaseInput(values));
      }}
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        当事人
      </Typography.Title>
      <PartyFields />

      <Typography.Title level={5}>案件</Typography.Title>
      <Row gutter={16}>
        <Col xs={24}>
          <Form.Item
            name="title"
            label="案件名称"
            rules={[...required('请填写案件名称'), { min: 4, message: '案件名称至少4个字' }]}
          >
            <Input maxLength={100} placeholder="如：某某诊所未取得医疗机构执业许可证擅自执业案" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="source" label="线索来源" rules={required('请选择线索来源')}>
            <Select options={caseSources.map((value) => ({ value, label: caseSourceLabels[value] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="sourceReference" label="来源编号">
            <Input maxLength={100} placeholder="检查记录号、投诉单号等（可选）" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="occurredOn" label="发生日期">
            <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="facts" label="违法事实">
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
        </Col>
      </Row>

      <OfficerFields />
    </FormModal>
  );
}
