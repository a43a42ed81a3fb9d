import type { AwsExchange } from '../http/awsPipeline.ts';
import type { ServiceModel } from './botocoreModel.ts';
import { parseXml, validateShape, xmlToValue, type XmlNode } from './shapeValidator.ts';

/**
 * Checks of Query-protocol answers against botocore models: awsQuery (Auto
 * Scaling, STS: `<XResponse><XResult>`, `<member>` lists) and EC2's own
 * flavour (no Result wrapper, lower-camel locationNames, `<item>` lists,
 * errors as `<Response><Errors><Error>` with `<RequestID>`). Each returns
 * the problems found.
 */

/** The member a child element stands for: by locationName, else by name. */
function memberFor(model: ServiceModel, shapeName: string, element: string) {
  const members = model.shapes[shapeName]?.members ?? {};
  return Object.entries(members).find(
    ([name, member]) => (member.locationName ?? name) === element,
  );
}

/** Turns an EC2 protocol element into the value its shape describes (lists are `<item>` elements). */
export function ec2XmlToValue(model: ServiceModel, shapeName: string, node: XmlNode): unknown {
  const shape = model.shapes[shapeName]!;
  switch (shape.type) {
    case 'structure':
      return Object.fromEntries(
        node.children.map((child) => {
          const found = memberFor(model, shapeName, child.name);
          return found
            ? [found[0], ec2XmlToValue(model, found[1].shape, child)]
            : [child.name, child.text];
        }),
      );
    case 'list':
      return node.children.map((child) => ec2XmlToValue(model, shape.member!.shape, child));
    case 'integer':
    case 'long':
      return Number(node.text);
    case 'boolean':
      return node.text === 'true' ? true : node.text === 'false' ? false : node.text;
    default:
      return node.text;
  }
}

const label = (exchange: AwsExchange) =>
  `${exchange.operation ?? '(unresolved)'} ${exchange.status}`;

/** An EC2 answer: `<XResponse>` with `requestId` and the output members, or EC2's error document. */
export function checkEc2Exchange(
  model: ServiceModel,
  exchange: AwsExchange,
  commonErrors: Set<string>,
): string[] {
  const document = parseXml(exchange.body).children[0]!;
  if (exchange.status === 200) {
    const operation = model.operations[exchange.operation!]!;
    if (document.name !== `${exchange.operation}Response`)
      return [`${label(exchange)}: not a ${exchange.operation}Response`];
    if (!document.children.some((child) => child.name === 'requestId'))
      return [`${label(exchange)}: no requestId`];
    const body = { ...document, children: document.children.filter((c) => c.name !== 'requestId') };
    const value = ec2XmlToValue(model, operation.output!.shape, body);
    return validateShape(model, operation.output!.shape, value, { timestamps: 'iso8601' }).map(
      (problem) => `${label(exchange)} ${problem}`,
    );
  }
  const error = document.children
    .find((child) => child.name === 'Errors')
    ?.children.find((child) => child.name === 'Error');
  const field = (name: string) => error?.children.find((child) => child.name === name)?.text;
  const problems: string[] = [];
  if (document.name !== 'Response' || !field('Code') || !field('Message'))
    return [`${label(exchange)}: malformed EC2 error ${exchange.body}`];
  if (!document.children.some((child) => child.name === 'RequestID'))
    problems.push(`${label(exchange)}: no RequestID`);
  const code = field('Code')!;
  // EC2 declares no error shapes: its codes are documented, not modelled.
  if (!commonErrors.has(code))
    problems.push(`${label(exchange)}: ${code} is not an EC2 error code`);
  return problems;
}

/** An awsQuery answer: `<XResponse>` with `<XResult>` (when the operation has output) and metadata. */
/** Errors any awsQuery service (STS, Auto Scaling) answers besides an operation's own. */
export const AWS_QUERY_COMMON_ERRORS = new Set([
  'AccessDenied',
  'Throttling',
  'ValidationError',
  'MissingAuthenticationToken',
  'IncompleteSignature',
  'SignatureDoesNotMatch',
  'InvalidClientTokenId',
  'ExpiredToken',
  'InvalidAction',
  'ServiceUnavailable',
]);

export function checkAwsQueryExchange(
  model: ServiceModel,
  exchange: AwsExchange,
  commonErrors: Set<string>,
): string[] {
  const document = parseXml(exchange.body).children[0]!;
  const operation = exchange.operation ? model.operations[exchange.operation] : undefined;
  if (exchange.status === 200) {
    const metadata = document.children.find((child) => child.name === 'ResponseMetadata');
    if (document.name !== `${exchange.operation}Response` || !metadata)
      return [`${label(exchange)}: not a ${exchange.operation}Response with ResponseMetadata`];
    if (!operation?.output) {
      return document.children.length === 1
        ? []
        : [`${label(exchange)}: output where the model has none`];
    }
    const result = document.children.find(
      (child) => child.name === operation.output!.resultWrapper,
    );
    if (!result) return [`${label(exchange)}: no ${operation.output.resultWrapper}`];
    const value = xmlToValue(model, operation.output.shape, result);
    return validateShape(model, operation.output.shape, value, { timestamps: 'iso8601' }).map(
      (problem) => `${label(exchange)} ${problem}`,
    );
  }
  const error = document.children.find((child) => child.name === 'Error');
  const field = (name: string) => error?.children.find((child) => child.name === name)?.text;
  if (
    document.name !== 'ErrorResponse' ||
    !field('Code') ||
    !field('Message') ||
    !['Sender', 'Receiver'].includes(field('Type') ?? '')
  ) {
    return [`${label(exchange)}: malformed ErrorResponse ${exchange.body}`];
  }
  const problems: string[] = [];
  const code = field('Code')!;
  const declared = operation?.errors?.find(
    (entry) => (model.shapes[entry.shape]?.error?.code ?? entry.shape) === code,
  );
  if (!declared && !commonErrors.has(code))
    problems.push(`${label(exchange)}: ${code} is not an error of this operation`);
  const status = declared && model.shapes[declared.shape]?.error?.httpStatusCode;
  if (status && status !== exchange.status)
    problems.push(`${label(exchange)}: ${code} must be HTTP ${status}`);
  if (!document.children.some((child) => child.name === 'RequestId'))
    problems.push(`${label(exchange)}: no RequestId`);
  return problems;
}
