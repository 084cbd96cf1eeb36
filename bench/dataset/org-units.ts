// The shape of the generated tree: the province, its cities and counties (县/区/县级市), with names,
// region codes and how many officers each unit's institute gets.
import { apportion, type Random } from '../lib/random.ts';
import { placeNames } from '../lib/chinese-names.ts';
import type { WorldOrg } from './context.ts';
import type { ScaleDefinition } from './scales.ts';

export type Level = WorldOrg['level'];
type CountyKind = 'district' | 'county' | 'countyCity';

/** One 卫生健康委/局 with its institute, before any row exists. */
export type Unit = {
  level: Level;
  place: string;
  name: string;
  regionCode: string;
  countyKind?: CountyKind;
  parent: Unit | null;
  authority?: WorldOrg;
  officers: number;
};

const countySuffix: Record<CountyKind, string> = { district: '区', county: '县', countyCity: '市' };
const officerWeight: Record<Level | CountyKind, number> = {
  province: 4,
  city: 1.6,
  district: 1.2,
  county: 1,
  countyCity: 1.1,
};

export const authoritySections: Record<Level, string[]> = {
  province: ['办公室', '政策法规处', '综合监督处', '医政医管处', '疾病预防控制处', '职业健康处'],
  city: ['办公室', '政策法规科', '综合监督科', '医政医管科', '疾病预防控制科'],
  county: ['办公室', '政策法规股', '医政医管股', '公共卫生股'],
};
export const instituteSections = [
  '医疗卫生监督科',
  '公共卫生监督科',
  '传染病防治监督科',
  '职业卫生与放射卫生监督科',
  '稽查科',
  '法制审核科',
];

/** The province, its cities and counties as units, each with the number of officers its institute gets. */
export function planUnits(
  random: Random,
  scale: ScaleDefinition,
  provinceCode: string,
  province: string,
): Unit[] {
  const taken = new Set<string>();
  const cityNames = placeNames(random, Math.max(scale.cities, 1), taken);
  const countyNames = placeNames(random, scale.counties, taken);
  const units: Unit[] = [];
  const provinceUnit: Unit | null =
    scale.root === 'province'
      ? {
          level: 'province',
          place: province,
          name: `${province}省`,
          regionCode: `${provinceCode}0000`,
          parent: null,
          officers: 0,
        }
      : null;
  if (provinceUnit) units.push(provinceUnit);
  const cityCount = scale.root === 'county' ? 0 : scale.cities;
  const countiesPerCity =
    cityCount > 0
      ? apportion(
          scale.counties,
          Array.from({ length: cityCount }, () => 0.7 + 0.6 * random.next()),
          1,
        )
      : [scale.counties];
  let nextCounty = 0;
  for (let c = 0; c < Math.max(cityCount, 1); c++) {
    const cityCode = String(c + 1).padStart(2, '0');
    const city: Unit | null =
      cityCount > 0
        ? {
            level: 'city',
            place: cityNames[c]!,
            name: `${cityNames[c]!}市`,
            regionCode: `${provinceCode}${cityCode}00`,
            parent: provinceUnit,
            officers: 0,
          }
        : null;
    if (city) units.push(city);
    const n = countiesPerCity[c]!;
    // The city's central districts come first; about one in ten is a county-level city.
    const districts = city ? Math.max(1, Math.round(n * 0.3)) : 0;
    for (let k = 0; k < n; k++) {
      const countyKind: CountyKind =
        k < districts ? 'district' : random.chance(0.12) ? 'countyCity' : 'county';
      const place = countyNames[nextCounty++]!;
      units.push({
        level: 'county',
        place,
        name: `${place}${countySuffix[countyKind]}`,
        countyKind,
        regionCode: `${provinceCode}${cityCode}${String(k + 1).padStart(2, '0')}`,
        parent: city,
        officers: 0,
      });
    }
  }
  const weights = units.map((u) => officerWeight[u.countyKind ?? u.level] * (0.75 + 0.5 * random.next()));
  apportion(
    scale.volumes.officers,
    weights,
    Math.min(6, Math.floor(scale.volumes.officers / units.length)),
  ).forEach((n, i) => {
    units[i]!.officers = n;
  });
  return units;
}
