import { z, wholeNumber } from './openapi.js';

/** A vendor user names the distributor whose file it sends; a distributor user sends its own. */
export const OnBehalfQuery = z.object({
  distributorId: wholeNumber(1).optional().openapi({
    description: "vendor users (channel manager, finance, admin): the distributor whose file this is; a distributor user's own",
  }),
});
