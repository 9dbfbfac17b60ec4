package vn.ioc.console.open311;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** services/{code}.json: a category asks for no attributes beyond the standard fields. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ServiceDefinition(String serviceCode, List<Object> attributes) {
}
