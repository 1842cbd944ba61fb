/** An authorization as the API returns it (`GET /api/authorizations`): shared by the server and the components. */
export interface AuthorizationView {
  id: number;
  number: string;
  version: number;
  distributorId: number;
  programId: number;
  requestId: number | null;
  endCustomerId: number | null;
  status: string;
  validFrom: string;
  validTo: string;
  createdAt: string;
  lines: {
    id: number;
    productId: number;
    vendorPartNumber: string;
    endCustomerId: number | null;
    authorizedCost: string;
    /** The vendor's book cost on record today for the authorization's distributor and this product; null if none. */
    bookCost: string | null;
    approvedQuantity: number;
    consumedQuantity: number;
    remainingQuantity: number;
    validFrom: string;
    validTo: string;
  }[];
}
