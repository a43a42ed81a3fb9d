import { describe, expect, it } from 'vitest';
import { ScaleNodegroupRequest, UpdateLabelsTaintsRequest } from '@wheelhouse/contract';
import { ApiError } from '../../api/client.ts';
import { serverFieldErrors, splitList, validate } from './formValidation.ts';

describe('validate', () => {
  it('passes a valid body through', () => {
    const body = { minSize: 1, maxSize: 3, desiredSize: 2, clientRequestToken: 't' };
    expect(validate(ScaleNodegroupRequest, body)).toEqual({ ok: true, data: body });
  });

  it('says each problem in words, once per field', () => {
    const result = validate(ScaleNodegroupRequest, {
      minSize: 1.5,
      maxSize: Number.NaN,
      clientRequestToken: 't',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        minSize: 'must be a whole number',
        maxSize: 'is required',
        desiredSize: 'is required',
      },
    });
  });

  it('names a bad label key by the rule it breaks', () => {
    const result = validate(UpdateLabelsTaintsRequest, {
      addOrUpdateLabels: { 'no spaces': 'x' },
      clientRequestToken: 't',
    });
    expect(result.ok ? {} : result.errors).toEqual({
      'addOrUpdateLabels.no spaces': 'is not a valid Kubernetes label key',
    });
  });
});

describe('serverFieldErrors', () => {
  it('maps a 400 problem’s field errors by path', () => {
    const error = new ApiError(400, {
      type: 'about:blank',
      title: 'Invalid request',
      status: 400,
      errors: [
        { field: 'scaling.minSize', message: 'must be at least 0' },
        { field: 'scaling.minSize', message: 'second' },
      ],
    });
    expect(serverFieldErrors(error)).toEqual({ 'scaling.minSize': 'must be at least 0' });
    expect(serverFieldErrors(new Error('boom'))).toEqual({});
  });
});

describe('splitList', () => {
  it('accepts commas, spaces and new lines', () => {
    expect(splitList('subnet-1, subnet-2\nsubnet-3  \n')).toEqual([
      'subnet-1',
      'subnet-2',
      'subnet-3',
    ]);
  });
});
