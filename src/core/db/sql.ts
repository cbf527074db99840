import { type SQL, sql } from 'drizzle-orm';

/** Values as the parameters of an `in (…)` list in raw SQL: `a.id in (${valueList(ids)})`. */
export const valueList = (values: readonly unknown[]): SQL =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );
