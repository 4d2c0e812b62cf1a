/**
 * The classify stage: IPTC Media Topics for every accepted story. Consumes an {@code EnrichedStory}
 * and returns its categories (top-level primary first, with confidence and origin "wire" or "text");
 * stateless, no Kafka. What the wire says comes first ({@link io.wirestream.classify.StoryClassifier});
 * otherwise the text model ({@link io.wirestream.classify.CategoryModel}), shipped in the jar and
 * built by {@code wirestream train} ({@link io.wirestream.classify.CategoryTrainer}).
 */
package io.wirestream.classify;
