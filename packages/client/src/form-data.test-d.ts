import type { FormDataTypes, Underretning_1_0_1, Underretning_1_2_0 } from '@skema/types';
import { describe, expectTypeOf, it } from 'vitest';
import { SkemaClient } from './client.js';
import type { FormData, FormId, VersionOf } from './form-types.js';

const client = new SkemaClient({ baseUrl: 'http://api.test' });
const udarbejdetAf = { navn: 'Anne Specialistsen', rolle: 'Psykolog' };

describe('form data typed per form version', () => {
  it('knows the shipped forms and their versions', () => {
    expectTypeOf<'underretning'>().toExtend<FormId>();
    expectTypeOf<VersionOf<'underretning'>>().toEqualTypeOf<'1.0.0' | '1.0.1' | '1.0.2' | '1.1.0' | '1.2.0'>();
    expectTypeOf<FormData<'underretning', '1.0.1'>>().toEqualTypeOf<Underretning_1_0_1>();
    expectTypeOf<FormData<'underretning', 'latest'>>().toEqualTypeOf<Underretning_1_2_0>();
    expectTypeOf<FormData<'underretning', '^1.0.0'>>().toEqualTypeOf<
      FormDataTypes[
        | 'underretning@1.0.0'
        | 'underretning@1.0.1'
        | 'underretning@1.0.2'
        | 'underretning@1.1.0'
        | 'underretning@1.2.0']
    >();
    // A municipality's own form is not in @skema/types: any JSON object.
    expectTypeOf<FormData<'ringsted-egen', '1.0.0'>>().toEqualTypeOf<Record<string, unknown>>();
  });

  it('createSubmission checks the data of underretning@1.0.1', () => {
    const create = () =>
      client.createSubmission('underretning', '1.0.1', {
        type: 'Underretning til kommunen',
        status: 'Udkast',
        udarbejdetAf,
        barn: { navn: 'Emil Testesen' },
      });
    expectTypeOf(create)
      .returns.resolves.toHaveProperty('submission')
      .toHaveProperty('data')
      .toEqualTypeOf<Underretning_1_0_1>();

    // @ts-expect-error `type` must be one of the form's three kinds of notification
    void (() => client.createSubmission('underretning', '1.0.1', { type: 'Brev', status: 'Udkast', udarbejdetAf }));
    // @ts-expect-error `status` is required by underretning@1.0.1
    void (() => client.createSubmission('underretning', '1.0.1', { type: 'Underretning til kommunen', udarbejdetAf }));
    void (() =>
      client.createSubmission('underretning', '1.0.1', {
        type: 'Underretning til kommunen',
        status: 'Sendt',
        udarbejdetAf,
        // @ts-expect-error `barn.navn` is a string
        barn: { navn: 42 },
      }));
  });

  it('validate is typed the same way, and unknown forms take any object', () => {
    void (() =>
      client.validate('underretning', '1.0.1', {
        type: 'Underretning til kommunen',
        status: 'Udkast',
        udarbejdetAf,
        // @ts-expect-error an unknown field (the form's schema has additionalProperties: false)
        ukendt: true,
      }));
    void (() => client.createSubmission('ringsted-egen', '1.0.0', { hvadSomHelst: 1 }));
    const id: string = 'runtime-id';
    void (() => client.createSubmission(id, 'latest', { hvadSomHelst: 1 }));
  });
});
