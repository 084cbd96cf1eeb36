import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api.ts';
import { FormModal, blankToNull } from '../../platform/form-modal.tsx';
import {
  certificateStatusLabels,
  certificateStatuses,
  type IssueCertificateInput,
} from '../../../shared/platform/officers.ts';

export type OfficerFormKind = 'certificate' | 'status' | 'review' | 'training' | 'exam';

type ModalProps = { userId: string; open: boolean; onClose: () => void; onSaved: () => void };

const isoDate = (value: Dayjs) => value.format('YYYY-MM-DD');
const required = (message: string) => [{ required: true, message }];

function officerPath(userId: string, suffix: string): string {
  return `/officers/${encodeURIComponent(userId)}/${suffix}`;
}

type CertificateValues = {
  certificateNumber: string;
  issuingBody: string;
  validFrom: Dayjs;
  validUntil: Dayjs;
  lawAreas?: string;
};

/** Issues a new certificate (or a renewal, which replaces the current one). */
export function IssueCertificateModal({ userId, open, onClose, onSaved }: ModalProps) {
  return (
    <FormModal<CertificateValues>
      title="发放/换发行政执法证"
      open={open}
      onClose={onClose}
      onSaved={onSaved}
      successText="执法证已登记"
      initialValues={{ validFrom: dayjs() }}
      onSubmit={async (values) => {
        const body: IssueCertificateInput = {
          certificateNumber: values.certificateNumber.trim(),
          issuingBody: values.issuingBody.trim(),
          validFrom: isoDate(values.validFrom),
          validUntil: isoDate(values.validUntil),
          lawAreas: blankToNull(values.lawAreas),
        };
        await api.post(officerPath(userId, 'certificates'), body);
      }}
    >
      <Form.Item name="certificateNumber" label="执法证号" rules={required('请填写执法证号')}>
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item name="issuingBody" label="发证机关" rules={required('请填写发证机关')}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="validFrom" label="有效期起" rules={required('请选择有效期起')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="validUntil"
        label="有效期止"
        dependencies={['validFrom']}
        rules={[
          ...required('请选择有效期止'),
          ({ getFieldValue }) => ({
            validator: (_, value: Dayjs | undefined) => {
              const from = getFieldValue('validFrom') as Dayjs | undefined;
              return !value || !from || value.isAfter(from, 'day')
                ? Promise.resolve()
                : Promise.reject(new Error('有效期止应晚于有效期起'));
            },
          }),
        ]}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="lawAreas" label="执法领域">
        <Input maxLength={200} placeholder="如：公共场所卫生、医疗卫生、传染病防治" />
      </Form.Item>
    </FormModal>
  );
}

type StatusValues = { status: (typeof certificateStatuses)[number]; reason: string };

export function CertificateStatusModal({ userId, open, onClose, onSaved }: ModalProps) {
  return (
    <FormModal<StatusValues>
      title="变更执法证状态"
      open={open}
      onClose={onClose}
      onSaved={onSaved}
      successText="执法证状态已变更"
      onSubmit={(values) =>
        api.patch(officerPath(userId, 'certificate/status'), {
          status: values.status,
          reason: values.reason.trim(),
        })
      }
    >
      <Form.Item name="status" label="状态" rules={required('请选择状态')}>
        <Select
          options={certificateStatuses.map((status) => ({
            value: status,
            label: certificateStatusLabels[status],
          }))}
        />
      </Form.Item>
      <Form.Item name="reason" label="原因" rules={required('请填写原因')}>
        <Input.TextArea rows={3} maxLength={200} showCount />
      </Form.Item>
    </FormModal>
  );
}

type ReviewValues = { reviewedOn: Dayjs; passed: boolean; note?: string };

export function ReviewModal({ userId, open, onClose, onSaved }: ModalProps) {
  return (
    <FormModal<ReviewValues>
      title="录入年审"
      open={open}
      onClose={onClose}
      onSaved={onSaved}
      initialValues={{ reviewedOn: dayjs(), passed: true }}
      onSubmit={(values) =>
        api.post(officerPath(userId, 'reviews'), {
          reviewedOn: isoDate(values.reviewedOn),
          passed: values.passed,
          note: blankToNull(values.note),
        })
      }
    >
      <Form.Item name="reviewedOn" label="年审日期" rules={required('请选择年审日期')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="passed" label="年审结论" rules={required('请填写年审是否通过')}>
        <Radio.Group
          options={[
            { value: true, label: '通过' },
            { value: false, label: '未通过' },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

type TrainingValues = { trainedOn: Dayjs; course: string; hours: number };

export function TrainingModal({ userId, open, onClose, onSaved }: ModalProps) {
  return (
    <FormModal<TrainingValues>
      title="录入培训"
      open={open}
      onClose={onClose}
      onSaved={onSaved}
      initialValues={{ trainedOn: dayjs() }}
      onSubmit={(values) =>
        api.post(officerPath(userId, 'trainings'), {
          trainedOn: isoDate(values.trainedOn),
          course: values.course.trim(),
          hours: values.hours,
        })
      }
    >
      <Form.Item name="trainedOn" label="培训日期" rules={required('请选择培训日期')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="course" label="培训内容" rules={required('请填写培训内容')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="hours" label="学时" rules={required('请填写学时')}>
        <InputNumber min={0.5} max={200} step={0.5} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

type ExamValues = { takenOn: Dayjs; subject: string; score: number; passed: boolean };

export function ExamModal({ userId, open, onClose, onSaved }: ModalProps) {
  return (
    <FormModal<ExamValues>
      title="录入考试成绩"
      open={open}
      onClose={onClose}
      onSaved={onSaved}
      initialValues={{ takenOn: dayjs(), passed: true }}
      onSubmit={(values) =>
        api.post(officerPath(userId, 'exams'), {
          takenOn: isoDate(values.takenOn),
          subject: values.subject.trim(),
          score: values.score,
          passed: values.passed,
        })
      }
    >
      <Form.Item name="takenOn" label="考试日期" rules={required('请选择考试日期')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="subject" label="考试科目" rules={required('请填写考试科目')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="score" label="成绩" rules={required('请填写成绩')}>
        <InputNumber min={0} max={100} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="passed" label="是否合格" rules={required('请填写是否合格')}>
        <Radio.Group
          options={[
            { value: true, label: '合格' },
            { value: false, label: '不合格' },
          ]}
        />
      </Form.Item>
    </FormModal>
  );
}
