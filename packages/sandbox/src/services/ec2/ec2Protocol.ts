import { AwsError } from '../../awsError.ts';
import { escapeXml } from '../queryProtocol.ts';
import type { AwsResponse } from '../service.ts';

/**
 * EC2's own query protocol: form-encoded requests like the Query protocol,
 * but answers without a Result wrapper, lower-camel element names and lists
 * of `<item>` elements; errors as `<Response><Errors><Error>`.
 */

export const EC2_NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';

/** A value to render: text, nested elements in order, or a list of items. */
export type Ec2Xml = string | number | boolean | Date | Ec2Elements | Ec2List;
export type Ec2Elements = Array<[name: string, value: Ec2Xml | undefined]>;
export interface Ec2List {
  items: Ec2Xml[];
  /** The element of each entry where the model names one (e.g. `groupId` in a network interface's groupSet). */
  itemName?: string;
}

export function renderEc2Xml(value: Ec2Xml): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return escapeXml(String(value));
  if (Array.isArray(value)) {
    return value
      .filter(([, inner]) => inner !== undefined)
      .map(([name, inner]) => `<${name}>${renderEc2Xml(inner!)}</${name}>`)
      .join('');
  }
  const tag = value.itemName ?? 'item';
  return value.items.map((item) => `<${tag}>${renderEc2Xml(item)}</${tag}>`).join('');
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function ec2Response(action: string, body: Ec2Elements, requestId: string): AwsResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': requestId },
    body:
      `${DECLARATION}<${action}Response xmlns="${EC2_NAMESPACE}">` +
      `<requestId>${requestId}</requestId>${renderEc2Xml(body)}</${action}Response>`,
  };
}

export function ec2Error(error: AwsError, requestId: string): AwsResponse {
  return {
    status: error.status,
    headers: { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': requestId },
    body:
      `${DECLARATION}<Response><Errors><Error><Code>${escapeXml(error.code)}</Code>` +
      `<Message>${escapeXml(error.message)}</Message></Error></Errors>` +
      `<RequestID>${requestId}</RequestID></Response>`,
  };
}

/** EC2's client errors are all HTTP 400. */
export const ec2Errors = {
  invalidParameterValue: (message: string) => new AwsError('InvalidParameterValue', 400, message),
  invalidParameterCombination: (message: string) =>
    new AwsError('InvalidParameterCombination', 400, message),
  invalidFilter: (name: string) =>
    new AwsError('InvalidParameterValue', 400, `The filter '${name}' is invalid`),
  invalidPaginationToken: (token: string) =>
    new AwsError('InvalidPaginationToken', 400, `Invalid pagination token: ${token}`),
  maxResults: (value: string, min: number, max: number) =>
    new AwsError(
      'InvalidParameterValue',
      400,
      `Value ( ${value} ) for parameter maxResults is invalid. Expecting a value between ${min} and ${max}.`,
    ),
};

/** MaxResults between min and max (undefined when absent). */
export function ec2MaxResults(raw: string | undefined, min = 5, max = 1000): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw ec2Errors.maxResults(raw, min, max);
  return value;
}
