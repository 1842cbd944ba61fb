/** Configuration, read and validated once at boot. */
import { z } from 'zod';

const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  databaseUrl: z.string().min(1).default('sqlite:data/bec.sqlite'),
  /** Secure cookies need HTTPS; the demo on http://localhost turns them off. */
  cookieSecure: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  sessionTtlHours: z.coerce.number().int().positive().default(12),
  seedDemo: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  logRequests: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});
export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse({
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    cookieSecure: env.COOKIE_SECURE,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    seedDemo: env.SEED_DEMO,
    logRequests: env.LOG_REQUESTS,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}
