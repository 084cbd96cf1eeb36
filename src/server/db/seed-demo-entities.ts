import { readFileSync } from 'node:fs';
import type { Db } from './client.ts';
import { inTransaction } from './transaction.ts';
import { recordAudit } from '../platform/audit/audit-log.ts';
import { entities } from '../modules/entities/tables.ts';
import { importInspectionItems } from '../modules/inspections/items.ts';
import { usccCheckCharacter } from '../../shared/platform/identifiers.ts';
import type { EntityCategory, RiskLevel, CreditLevel } from '../../shared/entities/payloads.ts';

type DemoCounty = { orgId: string; areaCode: string; place: string };

// [name without the county, category, risk, credit]: fifteen units a county health bureau typically supervises.
// prettier-ignore
const demoUnits: Array<[string, EntityCategory, RiskLevel, CreditLevel | null]> = [
  ['人民医院', '医疗机构', 'high', 'A'],
  ['中医院', '医疗机构', 'medium', 'A'],
  ['城关镇卫生院', '医疗机构', 'medium', 'B'],
  ['康宁口腔诊所', '医疗机构', 'medium', 'C'],
  ['锦江宾馆', '公共场所', 'medium', 'B'],
  ['金水湾洗浴中心', '公共场所', 'high', 'C'],
  ['丽人美发店', '公共场所', 'low', null],
  ['自来水有限公司', '生活饮用水供水单位', 'high', 'A'],
  ['净源水处理设备有限公司', '涉水产品', 'medium', 'B'],
  ['洁康消毒用品厂', '消毒产品', 'medium', 'B'],
  ['第一中学', '学校', 'medium', 'A'],
  ['实验小学', '学校', 'low', 'A'],
  ['小星星托育中心', '托育机构', 'medium', null],
  ['宏达机械制造有限公司', '职业病危害用人单位', 'high', 'D'],
  ['明光影像诊断中心', '放射诊疗', 'high', 'B'],
];

/** The city adopts the sample 检查事项清单; each county's 卫生监督所 gets its fifteen demo entities. */
export async function seedDemoInspectionData(
  db: Db,
  cityOrgId: string,
  counties: DemoCounty[],
): Promise<void> {
  const items = readFileSync(
    new URL('../../shared/inspections/fixtures/random_inspection_items.csv', import.meta.url),
    'utf8',
  );
  await importInspectionItems(db, null, cityOrgId, items);
  await inTransaction(db, async (tx) => {
    for (const county of counties) {
      for (const [index, [name, category, riskLevel, creditLevel]] of demoUnits.entries()) {
        const first17 = `91${county.areaCode}MA${String(index + 1).padStart(7, '0')}`;
        const [row] = await tx
          .insert(entities)
          .values({
            orgId: county.orgId,
            uscc: first17 + usccCheckCharacter(first17),
            name: `${county.place}${name}`,
            category,
            areaCode: county.areaCode,
            address: `${county.place}城关镇${['人民路', '解放路', '建设路'][index % 3]}${index * 7 + 3}号`,
            riskLevel,
            creditLevel,
          })
          .returning();
        await recordAudit(tx, {
          actor: null,
          orgId: county.orgId,
          action: 'entities.create',
          entityType: 'entity',
          entityId: row!.id,
          after: row,
        });
      }
    }
  });
}
