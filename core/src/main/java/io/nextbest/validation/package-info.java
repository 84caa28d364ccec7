/**
 * API: the analyst's check of rule files. {@link io.nextbest.validation.Validator} returns
 * {@link io.nextbest.validation.Finding}s placed at file, sheet, cell and column;
 * {@link io.nextbest.validation.Spreadsheets} reads a table's cells as Drools reads them
 * ({@link io.nextbest.validation.SheetGrid}) and turns CSV tables into XLSX workbooks. The checks
 * themselves (cell types, table verification) are package-private.
 */
package io.nextbest.validation;
