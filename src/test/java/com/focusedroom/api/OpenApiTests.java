package com.focusedroom.api;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.focusedroom.channel.Visitor;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI description checked against the running API, so the two cannot drift
 * apart.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OpenApiTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Test
	void theDescriptionIsServedAsYaml() throws Exception {
		HttpResponse<String> response = new Visitor(this.port).get("/api/v1/openapi.yaml");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/yaml");
		assertThat(spec().get("openapi").toString()).startsWith("3.1");
	}

	@Test
	void everyDescribedOperationExistsWithItsMethod() throws Exception {
		Visitor visitor = new Visitor(this.port);
		for (Map.Entry<String, Object> path : paths().entrySet()) {
			String concrete = path.getKey().replace("{token}", "f".repeat(64));
			for (String method : operations(path.getValue())) {
				HttpResponse<String> response = visitor.send(visitor.request(concrete)
					.method(method.toUpperCase(),
							(method.equals("get")) ? HttpRequest.BodyPublishers.noBody()
									: HttpRequest.BodyPublishers.ofString("{}"))
					.header("Content-Type", "application/json"));
				assertThat(response.statusCode()).as("%s %s", method, path.getKey()).isNotEqualTo(405);
				if (!path.getKey().contains("{token}")) {
					assertThat(response.statusCode()).as("%s %s", method, path.getKey()).isNotEqualTo(404);
				}
			}
		}
	}

	@Test
	void theDescribedExampleIsAcceptedAndAnsweredWithTheDescribedFields() throws Exception {
		Map<String, Object> post = operation("/api/v1/big-five", "post");
		Object example = nested(post, "requestBody", "content", "application/json", "example");
		HttpResponse<String> response = new Visitor(this.port).postJson("/api/v1/big-five",
				this.json.writeValueAsString(example));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode body = this.json.readTree(response.body());
		assertThat(required("Submitted")).allSatisfy((field) -> assertThat(body.has(field)).as(field).isTrue());
		assertThat(nestedList(schema("Submitted"), "properties", "scores", "required"))
			.allSatisfy((field) -> assertThat(body.path("scores").has(field)).as(field).isTrue());
	}

	@Test
	void theItemsCarryEveryRequiredFieldOfTheirSchema() throws Exception {
		JsonNode body = this.json.readTree(new Visitor(this.port).get("/api/v1/big-five/items").body());
		assertThat(required("Inventory")).allSatisfy((field) -> assertThat(body.has(field)).as(field).isTrue());
	}

	@Test
	void aValidationProblemHasTheDescribedShape() throws Exception {
		JsonNode problem = this.json
			.readTree(new Visitor(this.port).postJson("/api/v1/big-five", "{\"email\":\"x\"}").body());
		List<String> required = new ArrayList<>(required("Problem"));
		required.add("errors");
		assertThat(required).allSatisfy((field) -> assertThat(problem.has(field)).as(field).isTrue());
		assertThat(problem.path("errors").get(0).has("field")).isTrue();
		assertThat(problem.path("errors").get(0).has("message")).isTrue();
	}

	private Map<String, Object> spec() throws Exception {
		return new Yaml().load(new Visitor(this.port).get("/api/v1/openapi.yaml").body());
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> paths() throws Exception {
		return (Map<String, Object>) spec().get("paths");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> operation(String path, String method) throws Exception {
		return (Map<String, Object>) ((Map<String, Object>) paths().get(path)).get(method);
	}

	@SuppressWarnings("unchecked")
	private static List<String> operations(Object path) {
		return new ArrayList<>(((Map<String, Object>) path).keySet());
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> schema(String name) throws Exception {
		return (Map<String, Object>) nested(spec(), "components", "schemas", name);
	}

	private List<String> required(String schema) throws Exception {
		return nestedList(schema(schema), "required");
	}

	@SuppressWarnings("unchecked")
	private static List<String> nestedList(Map<String, Object> map, String... keys) {
		return (List<String>) nested(map, keys);
	}

	@SuppressWarnings("unchecked")
	private static Object nested(Map<String, Object> map, String... keys) {
		Object current = map;
		for (String key : keys) {
			current = ((Map<String, Object>) current).get(key);
		}
		return current;
	}

}
