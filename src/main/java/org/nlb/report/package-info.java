/**
 * What a person looks at: the charts and the self-contained HTML report of a run or a sweep,
 * read from the artefacts a run writes. Image grids and PNG data URIs come from
 * {@code org.nlb.render}.
 */
package org.nlb.report;
