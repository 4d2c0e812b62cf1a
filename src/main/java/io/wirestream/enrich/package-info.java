/**
 * The enrich stage: region metadata. Consumes an accepted, distinct story (after the sameness stage)
 * and emits it with regions, primaryRegion, countryScores, geoPlaces, m49Region, m49Subregion and desk
 * filled ({@link io.wirestream.enrich.RegionEnricher}). Stateless: {@link io.wirestream.enrich.RegionTagger}
 * matches names in one pass over a token trie of the bundled {@link io.wirestream.enrich.Gazetteer}
 * (built by {@link io.wirestream.enrich.GazetteerBuilder} from GeoNames and MIT country tables, plus the
 * team's aliases.tsv), resolves ambiguous names against the rest of the story and weighs mentions.
 * Knows no topic and reads no config.
 */
package io.wirestream.enrich;
