import { Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { col, stamps, type DbMoney } from './define.js';

/** A vendor product, known by its vendor part number. */
export class Product extends Model<InferAttributes<Product>, InferCreationAttributes<Product>> {
  declare id: CreationOptional<number>;
  declare vendorPartNumber: string;
  declare description: string;
  declare family: string | null;
  declare listPrice: DbMoney | null;
  /** the currency of the list price (ISO 4217) */
  declare currency: string | null;
  /** false once deactivated: kept for the claims and authorizations that name it, no longer offered */
  declare active: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** A distributor's own part number for a vendor product. */
export class ProductPartMapping extends Model<InferAttributes<ProductPartMapping>, InferCreationAttributes<ProductPartMapping>> {
  declare id: CreationOptional<number>;
  declare distributorId: number;
  declare distributorPartNumber: string;
  declare productId: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** What a distributor normally pays the vendor for a product, from a date on. */
export class BookCost extends Model<InferAttributes<BookCost>, InferCreationAttributes<BookCost>> {
  declare id: CreationOptional<number>;
  declare distributorId: number;
  declare productId: number;
  declare cost: DbMoney;
  declare effectiveFrom: string;
  declare effectiveTo: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initCatalogModels(sequelize: Sequelize) {
  const common = { sequelize, underscored: true } as const;
  Product.init(
    {
      id: col.id(),
      vendorPartNumber: { ...col.str(64), unique: true },
      description: col.str(255),
      family: col.str(100, true),
      listPrice: col.money(true),
      currency: col.str(3, true),
      active: col.flag(true),
      ...stamps(),
    },
    { ...common, tableName: 'products' },
  );
  ProductPartMapping.init(
    { id: col.id(), distributorId: col.ref(), distributorPartNumber: col.str(64), productId: col.ref(), ...stamps() },
    { ...common, tableName: 'product_part_mappings' },
  );
  BookCost.init(
    {
      id: col.id(),
      distributorId: col.ref(),
      productId: col.ref(),
      cost: col.money(),
      effectiveFrom: col.day(),
      effectiveTo: col.day(true),
      ...stamps(),
    },
    { ...common, tableName: 'book_costs' },
  );
}
