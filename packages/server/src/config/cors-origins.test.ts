import { describe, expect, it } from 'vitest';
import { corsOriginProblems, parseCorsOrigins } from './cors-origins.js';

describe('CORS origins', () => {
  it('accepts origins exactly as browsers send them', () => {
    expect(
      corsOriginProblems([
        'https://borger.kommune.dk',
        'http://localhost:5173',
        'https://portal.example:8443',
        'http://[::1]:8080',
        'http://127.0.0.1:4000',
      ]),
    ).toEqual([]);
  });

  it('refuses wildcards, paths, trailing slashes, other schemes and non-canonical spellings, saying what to write', () => {
    const problems = corsOriginProblems([
      '*',
      'https://*.kommune.dk',
      'https://borger.kommune.dk/',
      'https://borger.kommune.dk/skema',
      'https://borger.kommune.dk?x=1',
      'borger.kommune.dk',
      'ftp://files.kommune.dk',
      'https://user:pw@borger.kommune.dk',
      'https://Borger.Kommune.dk',
      'https://borger.kommune.dk:443',
      'null',
    ]);
    expect(problems).toHaveLength(11);
    expect(problems[0]).toMatch(/^\*: wildcards are not allowed/);
    expect(problems[1]).toMatch(/wildcards are not allowed/);
    expect(problems[2]).toMatch(/trailing slash.*\(https:\/\/borger\.kommune\.dk\)/);
    expect(problems[3]).toMatch(/has a path/);
    expect(problems[4]).toMatch(/query/);
    expect(problems[5]).toMatch(/is not an origin; write scheme:\/\/host\[:port\]/);
    expect(problems[6]).toMatch(/only http and https/);
    expect(problems[7]).toMatch(/no user name or password/);
    expect(problems[8]).toMatch(/write https:\/\/borger\.kommune\.dk$/);
    expect(problems[9]).toMatch(/write https:\/\/borger\.kommune\.dk$/);
    expect(problems[10]).toMatch(/is not an origin/);
  });

  it('refuses an origin listed twice', () => {
    expect(corsOriginProblems(['https://a.dk', 'https://a.dk'])).toEqual(['https://a.dk is listed twice']);
  });

  it('reads CORS_ORIGINS as a comma-separated list, ignoring spaces and empty entries', () => {
    expect(parseCorsOrigins(' https://a.dk, http://localhost:5173 ,,')).toEqual([
      'https://a.dk',
      'http://localhost:5173',
    ]);
    expect(parseCorsOrigins('')).toEqual([]);
  });
});
