// Production bootstrap: the root organisation and its first system administrator, on an empty database.
// Usage: FAZHI_ADMIN_PASSWORD=… npm run create-admin -- --org "某市卫生健康委员会" --region 某市 --username admin --name 张三
import { parseArgs } from 'node:util';
import { count } from 'drizzle-orm';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { applyMigrations } from '../src/server/db/migrate.ts';
import { seedReferenceData } from '../src/server/db/seed.ts';
import { inTransaction } from '../src/server/db/transaction.ts';
import { orgs } from '../src/server/db/tables.ts';
import { provisionOrg, provisionUser } from '../src/server/platform/orgs/provisioning.ts';
import { NewPassword } from '../src/shared/platform/auth.ts';

const { values } = parseArgs({
  options: {
    org: { type: 'string' },
    region: { type: 'string' },
    username: { type: 'string', default: 'admin' },
    name: { type: 'string', default: '系统管理员' },
  },
});
const password = process.env.FAZHI_ADMIN_PASSWORD ?? '';
const checked = NewPassword.safeParse(password);
if (!values.org || !checked.success) {
  console.error(
    '用法：FAZHI_ADMIN_PASSWORD=<至少10位，含字母和数字> npm run create-admin -- --org <机构全称> [--region <地名>] [--username admin] [--name 姓名]',
  );
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await applyMigrations(database);
await seedReferenceData(database.db);
const [existing] = await database.db.select({ n: count() }).from(orgs);
if ((existing?.n ?? 0) > 0) {
  console.error('数据库中已有机构，未做任何修改（请在系统管理页面中添加用户）。');
  await database.close();
  process.exit(1);
}
await inTransaction(database.db, async (tx) => {
  const root = await provisionOrg(tx, {
    parent: null,
    name: values.org!,
    kind: 'commission',
    region: values.region,
  });
  await provisionUser(tx, {
    org: root,
    username: values.username!,
    displayName: values.name!,
    roleIds: ['systemAdmin'],
    password,
    mustChangePassword: true,
  });
});
console.log(`已创建「${values.org}」及系统管理员 ${values.username}（首次登录须修改密码）。`);
await database.close();
