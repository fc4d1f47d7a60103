/**
 * The order the POST figure sends: three items, 147 bytes of JSON, valid under the rules
 * both servers check.
 * @example await runLoad({ url, method: 'POST', body: JSON.stringify(sampleOrder), … });
 */
export const sampleOrder = {
  customerId: 'cus_42',
  currency: 'EUR',
  items: [
    { sku: 'SKU-1234', quantity: 2 },
    { sku: 'SKU-5678', quantity: 1 },
    { sku: 'SKU-9012', quantity: 12 },
  ],
} as const;
