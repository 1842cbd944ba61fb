/**
 * Small helpers so each model reads as a list of domain fields. Money columns are exact on both
 * dialects: DECIMAL(18,4) on MariaDB (mysql2 returns strings), TEXT holding canonical 4-decimal
 * strings on SQLite (see models/money-sql.ts); repositories convert with moneyFromDb.
 */
import { DataTypes, type ModelAttributeColumnOptions } from 'sequelize';
import { moneyToDb } from './money-sql.js';

export type DbMoney = string | number;

/** Sequelize's ABSTRACT itself: the export is a Proxy whose `new` drops a subclass's prototype. */
const AbstractType = DataTypes.ABSTRACT.prototype.constructor as typeof DataTypes.ABSTRACT;

/**
 * The money column type. Sequelize swaps a type for the dialect's own class of the same key, so
 * one `col.money()` is DECIMAL(18,4) on MariaDB and TEXT on SQLite, where a DECIMAL column would
 * have NUMERIC affinity and keep a binary float. Values are written as canonical 4-decimal
 * strings on both (an exact text on SQLite, where the money CHECK accepts nothing else).
 */
class MONEY extends AbstractType {
  static override readonly key = 'MONEY';
  override key = 'MONEY';
  override toSql() {
    return 'DECIMAL(18,4)';
  }
  _stringify(value: unknown) {
    return moneyToDb(value);
  }
}
class SQLITE_MONEY extends MONEY {
  override toSql() {
    return 'TEXT';
  }
}
(DataTypes as unknown as { sqlite: Record<string, unknown> }).sqlite.MONEY = SQLITE_MONEY;

export const col = {
  id: (): ModelAttributeColumnOptions => ({ type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true }),
  ref: (allowNull = false): ModelAttributeColumnOptions => ({ type: DataTypes.INTEGER, allowNull }),
  str: (length = 255, allowNull = false): ModelAttributeColumnOptions => ({ type: DataTypes.STRING(length), allowNull }),
  text: (allowNull = true): ModelAttributeColumnOptions => ({ type: DataTypes.TEXT, allowNull }),
  money: (allowNull = false): ModelAttributeColumnOptions => ({ type: new MONEY(), allowNull }),
  int: (allowNull = false, defaultValue?: number): ModelAttributeColumnOptions => ({
    type: DataTypes.INTEGER,
    allowNull,
    ...(defaultValue === undefined ? {} : { defaultValue }),
  }),
  day: (allowNull = false): ModelAttributeColumnOptions => ({ type: DataTypes.DATEONLY, allowNull }),
  instant: (allowNull = false): ModelAttributeColumnOptions => ({ type: DataTypes.DATE(3), allowNull }),
  flag: (defaultValue: boolean): ModelAttributeColumnOptions => ({ type: DataTypes.BOOLEAN, allowNull: false, defaultValue }),
};

/** createdAt/updatedAt with millisecond precision on both dialects. */
export const stamps = () => ({ createdAt: col.instant(), updatedAt: col.instant() });
