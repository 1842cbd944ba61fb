/**
 * Small helpers so each model reads as a list of domain fields. Money columns are DECIMAL(18,4):
 * drivers return them as strings (mysql2) or numbers (SQLite); repositories convert with moneyFromDb.
 */
import { DataTypes, type ModelAttributeColumnOptions } from 'sequelize';

export type DbMoney = string | number;

export const col = {
  id: (): ModelAttributeColumnOptions => ({ type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true }),
  ref: (allowNull = false): ModelAttributeColumnOptions => ({ type: DataTypes.INTEGER, allowNull }),
  str: (length = 255, allowNull = false): ModelAttributeColumnOptions => ({ type: DataTypes.STRING(length), allowNull }),
  text: (allowNull = true): ModelAttributeColumnOptions => ({ type: DataTypes.TEXT, allowNull }),
  money: (allowNull = false): ModelAttributeColumnOptions => ({ type: DataTypes.DECIMAL(18, 4), allowNull }),
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
