/**
 * Milliseconds, with two decimals below 10 ms.
 * @example ms(0.4213) === '0.42 ms'
 */
export const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

/**
 * Microseconds, whole.
 * @example micros(41.6) === '42 µs'
 */
export const micros = (value: number): string => `${Math.round(value)} µs`;

/**
 * Bytes as megabytes (10⁶ bytes), one decimal.
 * @example mb(55e6) === '55.0 MB'
 */
export const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * A rate of requests.
 * @example perSecond(1234.5) === '1235 req/s'
 */
export const perSecond = (value: number): string => `${Math.round(value)} req/s`;

/**
 * Milliseconds as seconds, two decimals.
 * @example seconds(1500) === '1.50 s'
 */
export const seconds = (milliseconds: number): string => `${(milliseconds / 1000).toFixed(2)} s`;
