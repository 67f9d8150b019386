import { InvalidInputError } from '../errors.js';

/**
 * The uploader's file name, kept for display and download only (files are stored by id). A name
 * with a path, a parent reference or control characters is refused, not cleaned: what the person
 * meant is unclear, and a cleaned name would hide a client sending paths.
 */
export function checkedFileName(name: string | undefined): string {
  const refuse = (da: string, en: string): never => {
    throw new InvalidInputError('/fileName', 'attachment-file-name', { da, en });
  };
  if (name === undefined || name.trim() === '') return refuse('Angiv filens navn.', 'Give the file’s name.');
  if (name.length > 255)
    return refuse('Filnavnet er længere end 255 tegn.', 'The file name is longer than 255 characters.');
  if (/[/\\]/.test(name) || name === '.' || name === '..' || /^[A-Za-z]:/.test(name)) {
    return refuse(
      'Filnavnet må ikke indeholde en sti (/ eller \\); send kun filens navn.',
      'The file name must not contain a path (/ or \\); send the file’s name only.',
    );
  }
  // eslint-disable-next-line no-control-regex -- matching control characters is the point of this check
  if (/[\u0000-\u001f\u007f]/.test(name))
    return refuse('Filnavnet indeholder kontroltegn.', 'The file name contains control characters.');
  return name.trim();
}
