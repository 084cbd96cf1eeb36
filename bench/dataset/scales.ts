// The dataset sizes. A module that adds a dataset step adds its record count here (one key per scale),
// e.g. `penaltyCases: 200_000` for the province, so every size lives in one table.

export const scaleNames = ['county', 'city', 'province'] as const;
export type ScaleName = (typeof scaleNames)[number];

export type ScaleDefinition = {
  label: string;
  /** The level of the generated root organisation. */
  root: 'county' | 'city' | 'province';
  /** Cities under the province (1 when the root is the city itself, 0 for a lone county). */
  cities: number;
  /** County-level bureaus in total (县/区/县级市), spread over the cities. */
  counties: number;
  /** Record counts per capability; a step reads its own key. */
  volumes: {
    /** Users holding the officer role (institute leaders and section heads included). */
    officers: number;
    /** 行政处罚案件 (ordinary procedure) registered from 2024-01-01 to today. */
    penaltyCases: number;
  };
};

export const scales = {
  county: {
    label: '县级（1个县卫生健康局）',
    root: 'county',
    cities: 0,
    counties: 1,
    volumes: { officers: 22, penaltyCases: 300 },
  },
  city: {
    label: '市级（1个市、10个县区）',
    root: 'city',
    cities: 1,
    counties: 10,
    volumes: { officers: 300, penaltyCases: 8_000 },
  },
  // A province's health supervision workforce: 16 cities, ~160 counties/districts, ~8,000 officers.
  province: {
    label: '省级（16个市、160个县区）',
    root: 'province',
    cities: 16,
    counties: 160,
    volumes: { officers: 8_000, penaltyCases: 200_000 },
  },
} as const satisfies Record<ScaleName, ScaleDefinition>;

export function isScaleName(value: string): value is ScaleName {
  return (scaleNames as readonly string[]).includes(value);
}
